package io.barfeed.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.barfeed.HandClock;
import io.barfeed.fetch.DailyQuotaSpent;
import io.barfeed.provider.Provider;

/** A provider's daily budget and its word that its quota is spent: no request until its day starts again. */
class DailyQuotasTest {

    final CamelContext camel = new DefaultCamelContext();
    // 2024-03-04 22:00 in New York: the provider's day (its day-zone) ends in two hours.
    final HandClock clock = new HandClock(Instant.parse("2024-03-05T03:00:00Z"));
    final Provider budgeted = provider("av", "3");
    final Provider free = provider("free", "0");
    final DailyQuotas quotas = new DailyQuotas(clock, budgeted, List.of(budgeted, free));

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void theBudgetAllowsItsRequestsThenStopsThemUntilTheProvidersMidnight() {
        quotas.load(List.of());
        for (int i = 0; i < 3; i++) {
            quotas.take(exchange("av"));
        }

        assertThatThrownBy(() -> quotas.take(exchange("av")))
                .isInstanceOf(DailyQuotaSpent.class)
                .hasMessage("barfeed.av.rate-limit.requests-per-day (3) is spent for today: no requests to av until"
                        + " 2024-03-05T05:00:00Z");
        clock.advance(Duration.ofMinutes(119));
        assertThatThrownBy(() -> quotas.take(exchange("av"))).isInstanceOf(DailyQuotaSpent.class);
        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> quotas.take(exchange("av"))).doesNotThrowAnyException();
    }

    @Test
    void requestsOfEarlierRunsOfTheDayCount() {
        quotas.load(List.of(row("av", LocalDate.parse("2024-03-04"), 2, null)));

        quotas.take(exchange("av"));

        assertThatThrownBy(() -> quotas.take(exchange("av"))).isInstanceOf(DailyQuotaSpent.class);
        assertThat(quotas.rows())
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("provider", "av")
                        .containsEntry("requests", 3L)
                        .containsEntry("spent_until", OffsetDateTime.parse("2024-03-05T05:00:00Z")));
    }

    @Test
    void yesterdaysCountIsForgotten() {
        quotas.load(List.of(row("av", LocalDate.parse("2024-03-03"), 3, null)));

        assertThatCode(() -> quotas.take(exchange("av"))).doesNotThrowAnyException();
    }

    @Test
    void theProvidersWordThatItsQuotaIsSpentHoldsUntilItsDayStartsAgainAcrossRuns() {
        quotas.load(List.of());
        Exchange refused = exchange("free");

        assertThat(quotas.spent(refused, new DailyQuotaSpent("spent"))).isTrue();
        assertThat(quotas.spent(refused, new DailyQuotaSpent("spent"))).isFalse();
        assertThatThrownBy(() -> quotas.take(exchange("free")))
                .isInstanceOf(DailyQuotaSpent.class)
                .hasMessage("free's quota for today is spent: no requests to it until 2024-03-05T05:00:00Z");

        // The next run, in a process of its own, reads the word from barfeed.provider_quota.
        DailyQuotas nextRun = new DailyQuotas(clock, budgeted, List.of(budgeted, free));
        nextRun.load(quotas.rows());
        assertThatThrownBy(() -> nextRun.take(exchange("free"))).isInstanceOf(DailyQuotaSpent.class);
        clock.set(Instant.parse("2024-03-05T05:00:00Z"));
        assertThatCode(() -> nextRun.take(exchange("free"))).doesNotThrowAnyException();
    }

    @Test
    void aProviderWithoutABudgetIsNeverStoppedByCountAndKeepsNoRow() {
        quotas.load(List.of());
        for (int i = 0; i < 1000; i++) {
            quotas.take(exchange("free"));
        }

        assertThat(quotas.rows()).extracting(row -> row.get("provider")).doesNotContain("free");
    }

    private Exchange exchange(String provider) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setVariable("provider", provider);
        return exchange;
    }

    private static Provider provider(String name, String requestsPerDay) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("barfeed.provider", name)
                .withProperty("barfeed." + name + ".base-url", "http://127.0.0.1:9")
                .withProperty("barfeed." + name + ".rate-limit.requests-per-day", requestsPerDay)
                .withProperty("barfeed." + name + ".rate-limit.day-zone", "America/New_York");
        return new Provider(environment);
    }

    private static Map<String, Object> row(String provider, LocalDate day, long requests, Instant until) {
        Map<String, Object> row = new HashMap<>();
        row.put("provider", provider);
        row.put("day", Date.valueOf(day));
        row.put("requests", requests);
        row.put("spent_until", until == null ? null : OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        return row;
    }
}
