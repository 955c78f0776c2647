package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.SimulatedMarket;

/**
 * barfeed.provider=alphavantage on the built-in simulator's TIME_SERIES_INTRADAY: a calendar month a request, bars
 * keyed by New York time with numbers as strings, raw (adjusted=false): the table holds the same market as Alpaca's
 * endpoint serves (Alpha Vantage has no trade count or VWAP). An unknown symbol answers an Error Message: no bars.
 */
class AlphaVantageSimulatorTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("alphavantage_sim");
    // June 2024 in New York, NVDA's 10-for-1 split on the 10th: adjusted bars before it would differ.
    static final Instant START = Instant.parse("2024-06-01T04:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-07-01T03:59:59Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.provider", () -> "alphavantage");
        registry.add("barfeed.simulator.unknown-symbols", () -> "ZZZZ");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", () -> START.toString());
        registry.add("barfeed.fetch.until", () -> UNTIL.toString());
        registry.add("barfeed.alphavantage.requests-per-minute", () -> "60000");
    }

    @Test
    void loadsTheMarketsRawBarsOneMonthARequest() {
        Universe.only(jdbc, "ETF", "AAPL", "NVDA", "ZZZZ");

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(summary.line()).contains("symbols=3 bars=1040 failed=0 requests=3 ");
        assertThat(stored()).containsExactlyElementsOf(expected(List.of("AAPL", "NVDA")));
        assertThat(summary.emptySymbols()).containsExactly("ZZZZ");
    }

    private List<String> stored() {
        return jdbc.queryForList(
                "SELECT concat_ws(' ', symbol, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                        + " trim_scale(open), trim_scale(high), trim_scale(low), trim_scale(close), volume,"
                        + " coalesce(trade_count::text, '-'), coalesce(vwap::text, '-')) FROM bar ORDER BY symbol, ts",
                String.class);
    }

    private static List<String> expected(List<String> symbols) {
        SimulatedMarket market = new SimulatedMarket(Set.of());
        return symbols.stream()
                .flatMap(symbol ->
                        market
                                .bars(symbol, SimulatedMarket.Frame.parse("15Min"), START, UNTIL, Integer.MAX_VALUE)
                                .stream()
                                .map(b -> String.join(
                                        " ",
                                        symbol,
                                        b.t().toString(),
                                        plain(b.o()),
                                        plain(b.h()),
                                        plain(b.l()),
                                        plain(b.c()),
                                        Long.toString(b.v()),
                                        "-",
                                        "-")))
                .toList();
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }
}
