package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.barfeed.BarfeedProcess.How;

/**
 * {@code kill -9} in the middle of a run, then a new run: the bars table converges to exactly the
 * market's bars, with no duplicate and no gap. Each batch is one transaction and a symbol's batches
 * commit in time order, so whatever the kill interrupts, the next run resumes at the newest stored bar.
 */
class CrashSafetyTest {

    @Test
    void killedRunIsFinishedByTheNextOne() throws Exception {
        String database = TestPostgres.newDatabase("crash");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database));
        String symbols = String.join(
                ",", ChaosTest.SYMBOLS.stream().map(s -> "'" + s + "'").toList());
        List<String> args = List.of(
                "--spring.datasource.url=" + database,
                "--barfeed.simulator.enabled=true",
                "--barfeed.fetch.timeframes=15Min",
                "--barfeed.fetch.backfill-start=" + ChaosTest.START,
                "--barfeed.fetch.until=" + ChaosTest.UNTIL,
                "--barfeed.alpaca.page-limit=20",
                "--barfeed.fetch.symbols-per-request=3",
                "--barfeed.fetch.parallelism=2",
                // The demo universe, restricted to a dozen symbols: an edit of the universe query alone.
                "--barfeed.universe.query=SELECT s.id AS stock_id, s.symbol, (SELECT max(b.ts) FROM bar b"
                        + " WHERE b.symbol = s.symbol AND b.timeframe = :#timeframe) AS since FROM stock s"
                        + " WHERE s.symbol IN ("
                        + symbols + ")");

        Process doomed = start(args, "--barfeed.simulator.latency=300ms");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tableExists(jdbc) && jdbc.queryForObject("SELECT count(*) FROM bar", Long.class) > 100);
        doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by barfeed
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> market = MarketBars.of(ChaosTest.SYMBOLS, "15Min", ChaosTest.START, ChaosTest.UNTIL);
        long storedAtKill = jdbc.queryForObject("SELECT count(*) FROM bar", Long.class);
        assertThat(storedAtKill).isLessThan(market.size());

        Process again = start(args, "--barfeed.simulator.latency=0ms");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(again.exitValue()).isZero();
        assertThat(MarketBars.stored(jdbc)).containsExactlyElementsOf(market);
        System.out.printf(
                "crash: killed with %d of %d bars stored; the next run completed the table%n",
                storedAtKill, market.size());
    }

    private static boolean tableExists(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('public.bar') IS NOT NULL", Boolean.class));
    }

    private static Process start(List<String> args, String extra) throws Exception {
        List<String> all = new ArrayList<>(List.of("--barfeed.once=true"));
        all.addAll(args);
        all.add(extra);
        Path log = Files.createTempFile(Path.of("target"), "crash-run", ".log");
        return BarfeedProcess.start(How.MAIN_CLASS, Path.of("").toAbsolutePath(), all, Map.of(), log);
    }
}
