package io.barfeed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.barfeed.simulator.SimulatedMarket.Frame;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The simulator keeps Alpaca's contract: limit across symbols, pages in symbol-then-time order, every bar once. */
class ApiSimulatorTest {

    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    static final Instant END = Instant.parse("2024-03-08T23:59:00Z");

    final SimulatedMarket market = new SimulatedMarket(Set.of("NOPE"));
    final ApiSimulator simulator = start(100);
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesWalkEveryBarOnceInSymbolThenTimeOrder() throws Exception {
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page =
                    get(simulator, "MSFT,AAPL,NOPE", "15Min", 1000, token).body();
            int onPage = 0;
            for (Map.Entry<String, JsonNode> symbol : page.get("bars").properties()) {
                for (JsonNode bar : symbol.getValue()) {
                    walked.add(symbol.getKey() + " " + bar.get("t").asString());
                    onPage++;
                }
            }
            assertThat(onPage).isLessThanOrEqualTo(1000);
            token = page.get("next_page_token").isNull()
                    ? null
                    : page.get("next_page_token").asString();
            pages++;
        } while (token != null);

        List<String> expected = new ArrayList<>();
        for (String symbol : List.of("AAPL", "MSFT")) {
            market.bars(symbol, Frame.parse("15Min"), START, END, Integer.MAX_VALUE)
                    .forEach(b -> expected.add(symbol + " " + b.t()));
        }
        assertThat(expected).hasSize(2 * 5 * 26);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(1); // 260 bars fit one page of 1000
    }

    @Test
    void limitCountsBarsAcrossSymbolsAndSplitsASymbol() throws Exception {
        JsonNode first = get(simulator, "AAPL,MSFT", "15Min", 200, null).body();

        assertThat(first.get("bars").get("AAPL")).hasSize(130);
        assertThat(first.get("bars").get("MSFT")).hasSize(70);
        JsonNode second = get(
                        simulator,
                        "AAPL,MSFT",
                        "15Min",
                        200,
                        first.get("next_page_token").asString())
                .body();
        assertThat(second.get("bars").has("AAPL")).isFalse();
        assertThat(second.get("bars").get("MSFT")).hasSize(60);
        assertThat(second.get("next_page_token").isNull()).isTrue();
    }

    @Test
    void dailyBarsAreStampedAtNewYorkMidnight() throws Exception {
        JsonNode page = get(simulator, "AAPL", "1Day", 1000, null).body();

        assertThat(page.get("bars").get("AAPL").get(0).get("t").asString()).isEqualTo("2024-03-04T05:00:00Z");
        assertThat(page.get("bars").get("AAPL")).hasSize(5);
    }

    @Test
    void quotaPastTheLimitIsRefusedWithRateLimitHeaders() throws Exception {
        try (ApiSimulator limited = start(2)) {
            get(limited, "AAPL", "1Day", 10, null);
            Reply second = get(limited, "AAPL", "1Day", 10, null);
            Reply third = get(limited, "AAPL", "1Day", 10, null);

            assertThat(second.status()).isEqualTo(200);
            assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
            assertThat(Long.parseLong(
                            third.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                    .isGreaterThan(Instant.now().getEpochSecond() - 1);
        }
    }

    @Test
    void keptPagesAreRenderedOnceAndServedAlike() throws Exception {
        JsonNode rendered = get(simulator, "AAPL,MSFT", "15Min", 200, null).body();
        simulator.keepRenderedPages();

        JsonNode first = get(simulator, "AAPL,MSFT", "15Min", 200, null).body();
        JsonNode again = get(simulator, "MSFT,AAPL", "15Min", 200, null).body(); // the same query, other order
        JsonNode other = get(simulator, "AAPL,MSFT", "15Min", 100, null).body();

        assertThat(first).isEqualTo(rendered).isEqualTo(again);
        assertThat(other.get("bars").get("AAPL")).hasSize(100);
        assertThat(simulator.pagesRendered()).isEqualTo(3); // before keeping, the kept one, the other limit
    }

    private ApiSimulator start(int perMinute) {
        try {
            return new ApiSimulator(market, 0, Duration.ZERO, perMinute);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One response of the simulator. */
    record Reply(int status, HttpHeaders headers, JsonNode body) {}

    private Reply get(ApiSimulator sim, String symbols, String timeframe, int limit, String token) throws Exception {
        String query = "symbols=" + symbols + "&timeframe=" + timeframe + "&start=" + START + "&end=" + END + "&limit="
                + limit + (token == null ? "" : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/stocks/bars?" + query))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), json.readTree(response.body()));
    }
}
