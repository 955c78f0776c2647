package io.barfeed.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.barfeed.BarfeedApplication;
import io.barfeed.simulator.ApiSimulator;
import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.StreamSimulator;
import io.barfeed.stream.StreamMeters;
import io.barfeed.stream.StreamState;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The stream at a minute close: barfeed (in this JVM, run it with -Xmx256m: bench/stream) subscribed to {@code
 * symbols} symbols on the simulator's Alpaca stream, which sends every symbol's bar of a minute at once, in frames
 * of Alpaca's size. Per burst it prints the bars stored and the time from the burst to its last committed row, and
 * the p50, p99 and max of barfeed.stream.lag (a frame's arrival to its bars' commit) from the histogram; then the
 * heap used after GC and the peak heap. Usage: StreamBurst [symbols] [bursts] (defaults 5000 5); BENCH_DB_URL uses a
 * PostgreSQL of yours.
 */
public final class StreamBurst {

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int bursts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = System.getenv("BENCH_DB_URL");
        EmbeddedPostgres postgres = null;
        if (url == null || url.isBlank()) {
            postgres = EmbeddedPostgres.builder().start();
            url = postgres.getJdbcUrl("postgres", "postgres");
        }
        SimulatedMarket market = new SimulatedMarket(Set.of(), true);
        try (StreamSimulator streams = new StreamSimulator(market, 0, 0, Duration.ofSeconds(54), 0);
                ApiSimulator rest = new ApiSimulator(market, 0, Duration.ZERO, 10_000)) {
            ConfigurableApplicationContext app =
                    SpringApplication.run(BarfeedApplication.class, settings(url, rest, streams));
            try {
                run(app, symbols, bursts, streams);
            } finally {
                app.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static String[] settings(String url, ApiSimulator rest, StreamSimulator streams) {
        return new String[] {
            "--spring.datasource.url=" + url,
            "--server.port=0",
            "--barfeed.simulator.enabled=false",
            "--barfeed.alpaca.base-url=" + rest.baseUrl(),
            "--barfeed.alpaca.stream-url=" + streams.alpacaUrl("iex"),
            "--barfeed.alpaca.corporate-actions.types=",
            "--APCA_API_KEY_ID=bench",
            "--APCA_API_SECRET_KEY=bench",
            "--barfeed.schedule.cron=0 0 0 1 1 ? 2099",
            "--barfeed.stream.enabled=true",
            "--barfeed.stream.max-backoff=1s",
            "--barfeed.stream.repair-lookback=0s",
            "--barfeed.fetch.timeframes=1Min",
            "--logging.level.barfeed=WARN"
        };
    }

    private static void run(ConfigurableApplicationContext app, int symbols, int bursts, StreamSimulator streams)
            throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            rows.add(new Object[] {String.format(Locale.ROOT, "S%05d", i)});
        }
        jdbc.batchUpdate("INSERT INTO stock (symbol, is_etf) VALUES (?, false)", rows);
        jdbc.update("INSERT INTO stock (symbol, is_etf) VALUES ('BENCH', true)");
        jdbc.update("INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, s.id FROM stock e, stock s"
                + " WHERE e.symbol = 'BENCH' AND NOT s.is_etf");
        StreamState state = app.getBean(StreamState.class);
        long waited = System.nanoTime();
        while (!(state.connected() && state.symbols() == symbols)) {
            if (System.nanoTime() - waited > Duration.ofSeconds(60).toNanos()) {
                throw new IllegalStateException("the stream did not subscribe " + symbols + " symbols in 60 s");
            }
            Thread.sleep(50);
        }
        var lag = app.getBean(StreamMeters.class).lag();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        System.out.printf(Locale.ROOT, "%d symbols subscribed; %d bursts, the first a warm-up%n", symbols, bursts + 1);
        System.out.println("burst  bars stored  last commit (ms)  lag p50 (ms)  lag p99 (ms)  lag max (ms)");
        long storedBefore = 0;
        for (int b = 0; b <= bursts; b++) {
            CountAtBucket[] before = lag.takeSnapshot().histogramCounts();
            long start = System.nanoTime();
            streams.sendMinute(first.plus(Duration.ofMinutes(b)));
            long expected = storedBefore + symbols;
            long stored;
            while ((stored = jdbc.queryForObject("SELECT count(*) FROM bar", Long.class)) < expected) {
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException(
                            "burst " + b + ": " + (stored - storedBefore) + " of " + symbols + " bars stored in 60 s");
                }
                Thread.sleep(5);
            }
            double wall = (System.nanoTime() - start) / 1e6;
            CountAtBucket[] after = lag.takeSnapshot().histogramCounts();
            System.out.printf(
                    Locale.ROOT,
                    "%5s  %11d  %16.0f  %12.1f  %12.1f  %12.1f%n",
                    b == 0 ? "warm" : String.valueOf(b),
                    stored - storedBefore,
                    wall,
                    percentile(before, after, 0.50),
                    percentile(before, after, 0.99),
                    percentile(before, after, 1.0));
            storedBefore = stored;
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "heap: %d MB used after GC, %d MB peak, of -Xmx %d MB%n",
                used >> 20,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The upper bound (ms) of the histogram bucket holding quantile {@code q} of the lags recorded in between. */
    private static double percentile(CountAtBucket[] before, CountAtBucket[] after, double q) {
        double total = after[after.length - 1].count() - before[before.length - 1].count();
        for (int i = 0; i < after.length; i++) {
            double n = after[i].count() - before[i].count();
            if (n >= Math.ceil(q * total)) {
                return after[i].bucket(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
