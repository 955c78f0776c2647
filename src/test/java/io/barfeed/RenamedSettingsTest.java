package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.settings.BarfeedProperties;

/**
 * The durations once set in milliseconds under -ms names still reach what they set, in the running app: camel-http's
 * timeouts, the progress timer, the routes' deadline; each old name warns once, naming its new one.
 */
@ExtendWith(OutputCaptureExtension.class)
class RenamedSettingsTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("renamed");

    @Autowired
    CamelContext camel;

    @Autowired
    BarfeedProperties settings;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.connect-timeout-ms", () -> "1234");
        registry.add("barfeed.fetch.response-timeout-ms", () -> "2345");
        registry.add("barfeed.fetch.run-timeout-ms", () -> "600000");
        registry.add("barfeed.progress.interval-ms", () -> "300");
        registry.add("barfeed.store.retry-delay", () -> "15ms"); // a new name: read as it is
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void oldNamesTakeEffectAsMillisecondsAndWarnOnce(CapturedOutput output) {
        assertThat(settings.fetch().connectTimeout()).isEqualTo(Duration.ofMillis(1234));
        assertThat(settings.store().retryDelay()).isEqualTo(Duration.ofMillis(15));

        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        assertThat(http.getConnectTimeout()).isEqualTo(1234);
        assertThat(http.getConnectionRequestTimeout()).isEqualTo(1234);
        assertThat(http.getResponseTimeout()).isEqualTo(2345);
        assertThat(http.getSoTimeout()).isEqualTo(2345);

        TimerEndpoint progress = camel.getEndpoints().stream()
                .filter(TimerEndpoint.class::isInstance)
                .map(TimerEndpoint.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(progress.getPeriod()).isEqualTo(300);
        assertThat(progress.getDelay()).isEqualTo(300);

        // The routes' deadline, as run.camel.yaml writes it.
        Instant before = Instant.now();
        Exchange exchange = new DefaultExchange(camel);
        Instant deadline = camel.resolveLanguage("simple")
                .createExpression(camel.resolvePropertyPlaceholders(
                        "${bean:runs?method=deadline('{{barfeed.fetch.run-timeout}}')}"))
                .evaluate(exchange, Instant.class);
        assertThat(deadline).isBetween(before.plusSeconds(600), Instant.now().plusSeconds(600));

        for (String old : new String[] {"connect-timeout-ms", "response-timeout-ms", "run-timeout-ms"}) {
            String warning = "barfeed.fetch." + old + " is deprecated: set barfeed.fetch."
                    + old.substring(0, old.length() - 3) + " instead";
            assertThat(output.getAll().split(warning, -1))
                    .as("once: %s", warning)
                    .hasSize(2);
        }
        assertThat(output.getAll()).doesNotContain("barfeed.store.retry-delay-ms is deprecated");
    }

    @Test
    void theDefaultsAreTheOldOnes() {
        // barfeed.fetch.retry-delay-ms is set by TestSettings (10): the rest are application.yaml's.
        assertThat(settings.fetch().retryDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(settings.fetch().maxRetryDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.fetch().rateLimitPoll()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.store().maxRetryDelay()).isEqualTo(Duration.ofSeconds(60));
    }
}
