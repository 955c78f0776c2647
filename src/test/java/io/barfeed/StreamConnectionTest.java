package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;
import io.barfeed.stream.StreamHealth;

/**
 * A connection that stays honest: refused keys (402) or plan (409) stop the stream route with an ERROR that names
 * what to fix, without a retry loop, and REST runs go on; the connection limit (406) backs off at least its own wait
 * with an ERROR saying another client holds the connection; a socket gone silent is given up and replaced; universe
 * changes are subscribed and unsubscribed on the connection.
 */
@ExtendWith(OutputCaptureExtension.class)
@ReadsBarfeedLog
class StreamConnectionTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("stream_connection");
    static final AlpacaStreamStub STREAM = new AlpacaStreamStub();
    static final ApiSimulator REST = StreamSettings.rest();
    static final Pattern WAIT = Pattern.compile(
            "another client holds the account's only stream connection .*" + "reconnecting in (\\d+\\.\\d) s");

    @Autowired
    CamelContext camel;

    @Autowired
    StreamHealth health;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, REST.baseUrl());
        StreamSettings.apply(registry, STREAM.url());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.stream.repair-lookback", () -> "0s");
        registry.add("barfeed.stream.ping-interval", () -> "300ms");
        registry.add("barfeed.stream.stall-timeout", () -> "1500ms");
        registry.add("barfeed.stream.universe-refresh", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        STREAM.close();
        REST.close();
    }

    @BeforeEach
    void streaming() throws Exception {
        if (jdbc.queryForObject("SELECT count(*) FROM stock", Long.class) == 0) {
            Universe.etf(jdbc, "ETF", "AAA", "BBB");
        }
        STREAM.refuseWith(0);
        if (camel.getRouteController().getRouteStatus("stream") != ServiceStatus.Started) {
            camel.getRouteController().startRoute("stream");
        }
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
    }

    @Test
    void refusedKeysStopTheStreamNamingTheVariablesAndRestRunsGoOn(CapturedOutput output) {
        assertThat(health.health().getStatus()).as("health while streaming").isEqualTo(Status.UP);
        STREAM.refuseWith(402);
        int before = STREAM.connects();
        STREAM.drop();

        await().atMost(Duration.ofSeconds(20)).until(() -> stopped(), s -> s);
        assertThat(output.getOut())
                .containsPattern("ERROR .*barfeed stream stopped: Alpaca refused the stream's keys: check"
                        + " APCA_API_KEY_ID and APCA_API_SECRET_KEY \\(402 auth failed\\)");
        assertThat(STREAM.connects())
                .as("connections after the refusal: one, no retry")
                .isEqualTo(before + 1);
        assertThat(health.health().getStatus()).as("health after the refusal").isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("refused").toString()).contains("APCA_API_KEY_ID");

        RunSummary run = run();
        assertThat(run.status()).as("a REST run after the stream stopped").isEqualTo(RunSummary.Status.SUCCEEDED);
    }

    @Test
    void aFeedThePlanLacksStopsTheStreamNamingTheSetting(CapturedOutput output) {
        STREAM.refuseWith(409);
        int before = STREAM.connects();
        STREAM.drop();

        await().atMost(Duration.ofSeconds(20)).until(() -> stopped(), s -> s);
        assertThat(output.getOut())
                .containsPattern("ERROR .*barfeed stream stopped: Alpaca's plan does not include the feed of"
                        + " barfeed.alpaca.stream-url.*\\(409 insufficient subscription\\)");
        assertThat(STREAM.connects())
                .as("connections after the refusal: one, no retry")
                .isEqualTo(before + 1);
    }

    @Test
    void theConnectionLimitBacksOffItsOwnWaitSayingAnotherClientHoldsTheConnection(CapturedOutput output) {
        STREAM.refuseWith(406);
        STREAM.drop();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> WAIT.matcher(output.getOut()).find());
        Matcher wait = WAIT.matcher(output.getOut());
        while (wait.find()) {
            assertThat(Double.parseDouble(wait.group(1)))
                    .as("the wait after a 406 (barfeed.stream.connection-limit-backoff: 1s)")
                    .isGreaterThanOrEqualTo(1.0);
        }
        assertThat(output.getOut()).containsPattern("ERROR .*another client holds the account's only stream");
        assertThat(stopped()).as("the stream route stopped").isFalse();

        STREAM.refuseWith(0);
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
    }

    @Test
    void aSocketGoneSilentIsGivenUpAndReplaced(CapturedOutput output) {
        int before = STREAM.connects();
        STREAM.silence();

        await().atMost(Duration.ofSeconds(20)).until(() -> STREAM.connects() > before && STREAM.streaming());
        assertThat(output.getOut()).contains("no frame of any kind for 1.5 s (a dead socket)");
    }

    @Test
    void universeChangesAreSubscribedAndUnsubscribed() {
        await().atMost(Duration.ofSeconds(10)).until(() -> STREAM.held().equals(Set.of("AAA", "BBB")));

        jdbc.update("INSERT INTO stock (symbol, is_etf) VALUES ('CCC', false)");
        jdbc.update("INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, s.id FROM stock e, stock s"
                + " WHERE e.symbol = 'ETF' AND s.symbol = 'CCC'");
        jdbc.update("DELETE FROM etf_holding WHERE holding_id = (SELECT id FROM stock WHERE symbol = 'BBB')");

        await().atMost(Duration.ofSeconds(10)).until(() -> STREAM.held().equals(Set.of("AAA", "CCC")));
        assertThat(STREAM.received()).anyMatch(m -> m.contains("\"unsubscribe\"") && m.contains("\"BBB\""));

        jdbc.update("INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, s.id FROM stock e, stock s"
                + " WHERE e.symbol = 'ETF' AND s.symbol = 'BBB'");
        await().atMost(Duration.ofSeconds(10)).until(() -> STREAM.held().equals(Set.of("AAA", "BBB", "CCC")));
    }

    private boolean stopped() {
        return camel.getRouteController().getRouteStatus("stream") == ServiceStatus.Stopped;
    }
}
