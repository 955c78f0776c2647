package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.barfeed.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A trading day of the shipped schedule (a run every 15 minutes, 09:45 to 16:15 New York) in seconds, the market
 * clock moved between runs: each run stores the new bars with COPY and the revisit window with the insert, COPY is
 * never refused (so PostgreSQL logs no duplicate key), and the table ends as the market's bars.
 */
class ScheduledDayTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("scheduled_day");
    static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD");
    static final Instant BACKFILL = Instant.parse("2024-03-01T00:00:00Z");
    // Monday 2024-03-04, 09:45 New York: the first fire of the day.
    static final Instant FIRST_FIRE = Instant.parse("2024-03-04T14:45:00Z");
    static final Duration END_DELAY = Duration.ofMinutes(16);
    static final HandClock MARKET = new HandClock(FIRST_FIRE);

    @TestBean(name = "marketClock")
    Clock marketClock;

    static Clock marketClock() {
        return MARKET;
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", BACKFILL::toString);
        registry.add("barfeed.alpaca.end-delay", () -> END_DELAY.toMinutes() + "m");
        registry.add("barfeed.store.batch-size", () -> "20");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aDayOfRunsCopiesTheNewBarsWithoutARefusedCopy() {
        Universe.only(jdbc, "ETF", SYMBOLS.toArray(String[]::new));
        StatementLog.install(jdbc, "bar");
        List<String> runs = new ArrayList<>();
        long storedBefore = 0;

        for (Instant fire = FIRST_FIRE;
                !fire.isAfter(Instant.parse("2024-03-04T21:15:00Z"));
                fire = fire.plus(Duration.ofMinutes(15))) {
            MARKET.set(fire);
            StatementLog.clear(jdbc);
            RunSummary run = run();
            runs.add(fire + " " + run.line());
            assertThat(run.failed()).as("failures of the run at %s", fire).isZero();
            long stored = jdbc.queryForObject("SELECT count(*) FROM bar", Long.class);
            assertThat(stored)
                    .as("bars stored after the run at %s: the market's up to its end", fire)
                    .isEqualTo(MarketBars.of(SYMBOLS, "15Min", BACKFILL, fire.minus(END_DELAY))
                            .size());
            // The first run finds nothing stored, so it has no revisit window: COPY alone. Each later run copies its
            // new bars and revisits the day before them with the insert.
            List<String> writes = StatementLog.kinds(jdbc);
            if (storedBefore == 0) {
                assertThat(writes).as("statements of the first run").containsOnly("COPY");
            } else {
                assertThat(writes).as("statements of the run at %s", fire).containsOnly("COPY", "INSERT");
            }
            storedBefore = stored;
        }

        System.out.printf("scheduled day: %d runs%n  %s%n", runs.size(), String.join("\n  ", runs));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM barfeed.run WHERE status = 'succeeded'", Long.class))
                .as("runs barfeed recorded as succeeded")
                .isEqualTo(runs.size());
        // get(): the counter must exist (registered by the COPY path), not be created here by the asking.
        assertThat(meters.get("barfeed.copy.refused").counter().count())
                .as("COPYs refused")
                .isZero();
        Instant lastEnd = Instant.parse("2024-03-04T21:15:00Z").minus(END_DELAY);
        assertThat(MarketBars.stored(jdbc))
                .containsExactlyElementsOf(MarketBars.of(SYMBOLS, "15Min", BACKFILL, lastEnd));
    }
}
