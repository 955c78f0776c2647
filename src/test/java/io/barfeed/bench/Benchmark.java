package io.barfeed.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import io.barfeed.simulator.ApiSimulator;
import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.SimulatedMarket.Bar;
import io.barfeed.simulator.SimulatedMarket.Frame;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import tools.jackson.databind.ObjectMapper;

/**
 * barfeed against PostgreSQL's own floor, on this machine, in one run: for each scenario and schema,
 * the same rows written with COPY into the empty table after a CHECKPOINT, then barfeed's once-run
 * with each store path (a separate JVM each, fetching from a simulator at 100 ms latency that runs in
 * this JVM and serves pages rendered before the clock starts, as a remote API costs this machine
 * nothing) into the empty table. Prints medians and min-max of {@code repetitions} runs, the ratio,
 * requests, peak heap and peak RSS. Usage (bench/run): Benchmark [S1|S2|all] [repetitions];
 * BENCH_DB_URL uses a PostgreSQL of yours, BENCH_STORE one store path, BENCH_PROVIDER one provider (Alpaca's
 * multi-symbol requests or Massive's one-ticker ones), BENCH_ARGS and BENCH_JVM levers.
 */
public final class Benchmark {

    static final String START = "2024-01-02";
    static final int LATENCY_MS = 100;
    static final Pattern SUMMARY = Pattern.compile(
            "barfeed run \\d+ finished: symbols=(\\d+) bars=(\\d+) failed=(\\d+) requests=(\\d+) seconds=([\\d.]+)");
    static final Pattern PEAK_HEAP = Pattern.compile("barfeed memory: peak heap (\\d+) MB after GC");
    static final Pattern STARTED = Pattern.compile(
            "barfeed started in ([\\d.]+) s: JVM ([\\d.]+), Spring ([\\d.]+), database ([\\d.]+), Camel ([\\d.]+)");

    record Scenario(String name, int symbols, int barsPerSymbol, String heap) {}

    /** Per scenario, the seed script's whole seconds of each repetition. */
    static final Map<String, List<Double>> seedSeconds = new java.util.HashMap<>();

    /** What the seed script's runs come to, printed under the table. */
    static final List<String> seedLines = new ArrayList<>();

    /**
     * One barfeed once-run, from its summary line, its log, /proc and the simulator: the run's own seconds, the
     * whole process's (launch to exit), its start-up as it reports it (JVM, Spring, database, Camel) and the time
     * from the launch to its first API request.
     */
    record Run(
            double seconds,
            long bars,
            long failed,
            long requests,
            long peakHeapMb,
            long peakRssMb,
            double wholeSeconds,
            double[] startup,
            double toFirstRequest) {}

    /** One repetition of one store path: the COPY floor, barfeed's run against it, and a run with nothing new. */
    record Measure(double copySeconds, Run run, Run nothingNew) {}

    enum Schema {
        OWN,
        CLASSIC,
        /** The classic tables, loaded with an insert of the team's own, as the seed's tutorial would write one. */
        SEED;

        /** Whether the schema is the tutorial's: stock, etf_holding, stock_price with its foreign key. */
        boolean classicTables() {
            return this != OWN;
        }
    }

    /** The seed's own statement for its table: plain values, idempotent. COPY must take it as it takes the rest. */
    static final String SEED_INSERT = "INSERT INTO stock_price (stock_id, dt, open, high, low, close, volume)"
            + " VALUES (:#stock_id, :#ts, :#open, :#high, :#low, :#close, :#volume) ON CONFLICT DO NOTHING";

    /** The providers barfeed fetches from: the simulator serves both from the same market. */
    enum Provider {
        ALPACA,
        MASSIVE
    }

    /** barfeed's store paths: the SQL batch insert only (barfeed.store.copy=false), or COPY for new bars (default). */
    enum Store {
        INSERT,
        COPY
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Scenario> scenarios = new ArrayList<>();
        if (which.equals("S1") || which.equals("all")) {
            scenarios.add(new Scenario("S1", 214, 1000, null));
        }
        if (which.equals("S2") || which.equals("all")) {
            // BENCH_S2_HEAP=-Xmx128m: how small a heap S2 still fits in.
            scenarios.add(new Scenario("S2", 2000, 1000, System.getenv().getOrDefault("BENCH_S2_HEAP", "-Xmx256m")));
        }
        String given = System.getenv("BENCH_DB_URL");
        EmbeddedPostgres embedded = given == null
                ? EmbeddedPostgres.builder()
                        .setDataDirectory(Path.of("target", "bench-postgres"))
                        .setCleanDataDirectory(true)
                        .start()
                : null;
        String adminUrl = given != null ? given : embedded.getJdbcUrl("postgres", "postgres");
        List<String> table = new ArrayList<>();
        try {
            for (Scenario scenario : scenarios) {
                for (Schema schema : schemas()) {
                    table.addAll(measure(adminUrl, scenario, schema, repetitions));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        System.out.printf(
                "%nbarfeed benchmark, %s, %d cores, %s; medians of %d [min-max]%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                repetitions);
        System.out.println("| scenario | schema | provider | store | rows | COPY floor s | barfeed s | ratio"
                + " | barfeed rows/s | whole process s | started in s | JVM / Spring / database / Camel s"
                + " | first request s | nothing new, whole s | requests | peak heap after GC MB | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
        if (seedLines.isEmpty()) {
            System.out.println("(the seed's asyncio job not run: " + SeedScript.MISSING + ")");
        }
        seedLines.forEach(System.out::println);
    }

    static List<String> measure(String adminUrl, Scenario scenario, Schema schema, int repetitions) throws Exception {
        String database = ("bench_" + scenario.name() + "_" + schema).toLowerCase(Locale.ROOT);
        String url = urlOf(adminUrl, database);
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 1; i <= scenario.symbols(); i++) {
            symbols.add(String.format("S%04d", i));
        }
        Instant until = prepare(url, schema, symbols, scenario.barsPerSymbol());
        String csv = csv(schema, symbols, until);
        long rows = (long) scenario.symbols() * scenario.barsPerSymbol();
        Map<String, List<Measure>> measures = new java.util.LinkedHashMap<>();
        try (ApiSimulator api =
                new ApiSimulator(new SimulatedMarket(Set.of()), 0, Duration.ofMillis(LATENCY_MS), 1_000_000)) {
            api.keepRenderedPages();
            int pages = preRender(api, symbols, until);
            System.out.printf("%s %s: %d pages rendered before the clock starts%n", scenario.name(), schema, pages);
            boolean seed = schema == Schema.CLASSIC && SeedScript.available();
            if (seed) {
                SeedScript.run(adminUrl, database, api, START, until); // renders its pages before the clock starts
                try (Connection c = DriverManager.getConnection(url)) {
                    emptyAndCheckpoint(c, schema);
                }
            }
            for (int i = 0; i < repetitions; i++) {
                double copy = copyFloor(url, schema, csv, rows);
                if (seed) {
                    double whole = SeedScript.run(adminUrl, database, api, START, until);
                    try (Connection c = DriverManager.getConnection(url)) {
                        if (count(c, schema) != rows) {
                            throw new IllegalStateException("the seed's script stored " + count(c, schema) + " rows");
                        }
                        emptyAndCheckpoint(c, schema);
                    }
                    seedSeconds
                            .computeIfAbsent(scenario.name(), k -> new ArrayList<>())
                            .add(whole);
                    System.out.printf(Locale.ROOT, "%s seed script #%d: whole %.3f s%n", scenario.name(), i + 1, whole);
                }
                for (Provider provider : providers()) {
                    for (Store store : stores()) {
                        warmUp(url, api, schema, provider, store, scenario, until);
                        long renderedBefore = api.pagesRendered();
                        String name = scenario.name() + "-" + schema + "-" + provider + "-" + store + "-" + (i + 1);
                        Run run = barfeed(url, api, schema, provider, store, scenario, until, name);
                        long rendered = api.pagesRendered() - renderedBefore;
                        check(url, schema, run, rows, rows, name);
                        Run again = barfeed(url, api, schema, provider, store, scenario, until, name + "-again");
                        check(url, schema, again, -1, rows, name + "-again");
                        try (Connection c = DriverManager.getConnection(url)) {
                            emptyAndCheckpoint(c, schema);
                        }
                        measures.computeIfAbsent(provider + " " + store, k -> new ArrayList<>())
                                .add(new Measure(copy, run, again));
                        System.out.printf(
                                Locale.ROOT,
                                "%s %s %s %s #%d: COPY floor %.3f s, barfeed %.3f s (whole %.3f s, started in %.2f s,"
                                        + " first request at %.2f s), %d requests (%d pages rendered during the run),"
                                        + " heap %d MB, RSS %d MB; nothing new: whole %.3f s%n",
                                scenario.name(),
                                schema,
                                provider,
                                store,
                                i + 1,
                                copy,
                                run.seconds(),
                                run.wholeSeconds(),
                                run.startup()[0],
                                run.toFirstRequest(),
                                run.requests(),
                                rendered,
                                run.peakHeapMb(),
                                run.peakRssMb(),
                                again.wholeSeconds());
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        measures.forEach((providerAndStore, runs) -> lines.add(row(scenario, schema, providerAndStore, rows, runs)));
        List<Double> seedRuns = seedSeconds.get(scenario.name());
        List<Measure> barfeedRuns = measures.get(Provider.ALPACA + " " + Store.COPY);
        if (schema == Schema.CLASSIC && seedRuns != null && barfeedRuns != null) {
            double[] ratios = new double[seedRuns.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = barfeedRuns.get(i).run().wholeSeconds() / seedRuns.get(i);
            }
            Arrays.sort(ratios);
            seedLines.add(String.format(
                    Locale.ROOT,
                    "%s: the seed's asyncio job (bench/seed_asyncio.py, classic tables) whole %s s; barfeed's whole"
                            + " once-run (classic, alpaca, copy) / the seed's, in the same repetition: %s",
                    scenario.name(),
                    spread(seedRuns.stream()
                            .mapToDouble(Double::doubleValue)
                            .sorted()
                            .toArray()),
                    spread(ratios)));
        }
        return lines;
    }

    static String row(Scenario scenario, Schema schema, String providerAndStore, long rows, List<Measure> measures) {
        double[] ratios = sorted(measures, m -> m.run().seconds() / m.copySeconds());
        double[] runs = sorted(measures, m -> m.run().seconds());
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %,d | %s | %s | %.2f [%.2f-%.2f] | %,.0f | %s | %s | %s | %s | %s"
                        + " | %d | %d | %d |",
                scenario.name() + (scenario.heap() == null ? "" : " " + scenario.heap()),
                schema.name().toLowerCase(Locale.ROOT),
                providerAndStore.split(" ")[0].toLowerCase(Locale.ROOT),
                providerAndStore.split(" ")[1].toLowerCase(Locale.ROOT),
                rows,
                spread(sorted(measures, Measure::copySeconds)),
                spread(runs),
                median(ratios),
                ratios[0],
                ratios[ratios.length - 1],
                rows / median(runs),
                spread(sorted(measures, m -> m.run().wholeSeconds())),
                spread(sorted(measures, m -> m.run().startup()[0])),
                phases(measures),
                spread(sorted(measures, m -> m.run().toFirstRequest())),
                spread(sorted(measures, m -> m.nothingNew().wholeSeconds())),
                measures.get(0).run().requests(),
                measures.stream().mapToLong(m -> m.run().peakHeapMb()).max().orElse(0),
                measures.stream().mapToLong(m -> m.run().peakRssMb()).max().orElse(0));
    }

    /** The medians of the start-up's phases: JVM / Spring / database / Camel. */
    static String phases(List<Measure> measures) {
        StringBuilder phases = new StringBuilder();
        for (int phase = 1; phase <= 4; phase++) {
            int p = phase;
            phases.append(phase > 1 ? " / " : "")
                    .append(String.format(
                            Locale.ROOT,
                            "%.2f",
                            median(sorted(measures, m -> m.run().startup()[p]))));
        }
        return phases.toString();
    }

    static double[] sorted(List<Measure> measures, java.util.function.ToDoubleFunction<Measure> value) {
        return measures.stream().mapToDouble(value).sorted().toArray();
    }

    /** {@code median [min-max]}. */
    static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    /** BENCH_SCHEMA=own, classic or seed measures one schema; all three by default. */
    static List<Schema> schemas() {
        String only = System.getenv().getOrDefault("BENCH_SCHEMA", "all");
        return only.equals("all") ? List.of(Schema.values()) : List.of(Schema.valueOf(only.toUpperCase(Locale.ROOT)));
    }

    /** BENCH_PROVIDER=alpaca or massive measures one provider; both by default. */
    static List<Provider> providers() {
        String only = System.getenv().getOrDefault("BENCH_PROVIDER", "both");
        return only.equals("both")
                ? List.of(Provider.values())
                : List.of(Provider.valueOf(only.toUpperCase(Locale.ROOT)));
    }

    /** BENCH_STORE=insert or copy measures one store path; both by default. */
    static List<Store> stores() {
        String only = System.getenv().getOrDefault("BENCH_STORE", "both");
        return only.equals("both") ? List.of(Store.values()) : List.of(Store.valueOf(only.toUpperCase(Locale.ROOT)));
    }

    /** Creates the tables and the universe; returns the end of the window that gives each symbol its bars. */
    static Instant prepare(String url, Schema schema, List<String> symbols, int barsPerSymbol) throws SQLException {
        if (schema == Schema.OWN) {
            // As barfeed migrates: its bookkeeping first (the bars' views read the corporate actions ledger).
            Flyway.configure()
                    .dataSource(url, null, null)
                    .schemas("barfeed")
                    .locations("classpath:db/bookkeeping")
                    .load()
                    .migrate();
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/bars")
                    .table("barfeed_schema_history")
                    .load()
                    .migrate();
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            if (schema.classicTables()) {
                s.execute("""
                        CREATE TABLE stock (id serial PRIMARY KEY, symbol text UNIQUE NOT NULL, name text,
                            exchange text, is_etf bool);
                        CREATE TABLE etf_holding (etf_id int, holding_id int, dt date, shares numeric, weight numeric);
                        CREATE TABLE stock_price (stock_id int NOT NULL REFERENCES stock (id),
                            dt timestamp without time zone NOT NULL,
                            open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL,
                            volume numeric NOT NULL, PRIMARY KEY (stock_id, dt))""");
            }
            for (String symbol : symbols) {
                s.addBatch("INSERT INTO stock (symbol, is_etf) VALUES ('" + symbol + "', false)");
            }
            s.addBatch("INSERT INTO stock (symbol, is_etf) VALUES ('BENCH', true)");
            s.addBatch("INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, h.id FROM stock e, stock h"
                    + " WHERE e.symbol = 'BENCH' AND h.symbol <> 'BENCH'");
            s.executeBatch();
        }
        List<Bar> bars = new SimulatedMarket(Set.of())
                .bars(
                        "S0001",
                        Frame.parse("15Min"),
                        LocalDate.parse(START).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Instant.now(),
                        barsPerSymbol);
        return bars.get(bars.size() - 1).t();
    }

    /** The rows barfeed will load, as COPY text: generated before the clock starts. */
    static String csv(Schema schema, List<String> symbols, Instant until) throws SQLException {
        SimulatedMarket market = new SimulatedMarket(Set.of());
        Instant start = LocalDate.parse(START).atStartOfDay(ZoneOffset.UTC).toInstant();
        StringBuilder out = new StringBuilder(symbols.size() * 1000 * 90);
        for (int i = 0; i < symbols.size(); i++) {
            int stockId = i + 1;
            for (Bar b : market.bars(symbols.get(i), Frame.parse("15Min"), start, until, Integer.MAX_VALUE)) {
                if (schema == Schema.OWN) {
                    out.append(symbols.get(i))
                            .append(",15Min,")
                            .append(b.t())
                            .append(',')
                            .append(stockId)
                            .append(',')
                            .append(b.o())
                            .append(',')
                            .append(b.h())
                            .append(',')
                            .append(b.l())
                            .append(',')
                            .append(b.c())
                            .append(',')
                            .append(b.v())
                            .append(',')
                            .append(b.n())
                            .append(',')
                            .append(b.vw())
                            .append('\n');
                } else {
                    out.append(stockId)
                            .append(',')
                            .append(b.t().toString().replace("T", " ").replace("Z", ""))
                            .append(',')
                            .append(b.o())
                            .append(',')
                            .append(b.h())
                            .append(',')
                            .append(b.l())
                            .append(',')
                            .append(b.c())
                            .append(',')
                            .append(b.v())
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    static double copyFloor(String url, Schema schema, String csv, long rows) throws Exception {
        String target = schema == Schema.OWN
                ? "bar (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, vwap)"
                : "stock_price (stock_id, dt, open, high, low, close, volume)";
        try (Connection c = DriverManager.getConnection(url)) {
            emptyAndCheckpoint(c, schema);
            long t0 = System.nanoTime();
            long copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN (FORMAT csv)", new StringReader(csv));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY wrote " + copied + " rows, expected " + rows);
            }
            emptyAndCheckpoint(c, schema);
            return seconds;
        }
    }

    static void emptyAndCheckpoint(Connection c, Schema schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(schema == Schema.OWN ? "TRUNCATE bar" : "TRUNCATE stock_price");
            s.execute("CHECKPOINT");
        }
    }

    /**
     * Asks the simulator for every page barfeed's default plan will ask for (Alpaca: sorted symbols, 50 per
     * request, 10,000 bars per page; Massive: one ticker, 50,000 bars a page), so the run finds them rendered.
     * Returns the pages rendered.
     */
    static int preRender(ApiSimulator api, List<String> symbols, Instant until) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        if (providers().contains(Provider.MASSIVE)) {
            long from = LocalDate.parse(START)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
            for (String symbol : symbols) {
                String url = api.baseUrl() + "/v2/aggs/ticker/" + symbol + "/range/15/minute/" + from + "/"
                        + until.toEpochMilli() + "?adjusted=false&sort=asc&limit=50000";
                while (url != null) {
                    HttpResponse<byte[]> page = http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    url = json.readTree(page.body()).path("next_url").asString(null);
                }
            }
        }
        if (!providers().contains(Provider.ALPACA)) {
            return (int) api.pagesRendered();
        }
        List<String> sorted = symbols.stream().sorted().toList();
        for (int from = 0; from < sorted.size(); from += 50) {
            String query = "symbols=" + String.join(",", sorted.subList(from, Math.min(from + 50, sorted.size())))
                    + "&timeframe=15Min&start=" + START + "&end=" + until + "&limit=10000";
            String token = "";
            do {
                HttpResponse<byte[]> page = http.send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v2/stocks/bars?" + query + token))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String next = json.readTree(page.body()).path("next_page_token").asString(null);
                token = next == null ? null : "&page_token=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            } while (token != null);
        }
        return (int) api.pagesRendered();
    }

    /**
     * One once-run in its own process, started as BENCH_LAUNCHER says: {@code bin} (default) with bin/barfeed, the
     * README's launcher, or {@code jar} with {@code java -jar target/barfeed.jar}.
     */
    static Run barfeed(
            String url,
            ApiSimulator api,
            Schema schema,
            Provider provider,
            Store store,
            Scenario scenario,
            Instant until,
            String name)
            throws Exception {
        List<String> jvm = new ArrayList<>();
        if (scenario.heap() != null) {
            jvm.add(scenario.heap());
        }
        jvm.addAll(words(System.getenv("BENCH_JVM")));
        List<String> command = new ArrayList<>();
        boolean launcher =
                !System.getenv().getOrDefault("BENCH_LAUNCHER", "bin").equals("jar");
        if (launcher) {
            command.add("bin/barfeed");
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-jar", "target/barfeed.jar"));
        }
        String apiUrl = api.baseUrl();
        command.addAll(Arrays.asList(
                "--barfeed.once=true",
                "--spring.datasource.url=" + url,
                "--barfeed.simulator.enabled=false",
                "--barfeed.provider=" + provider.name().toLowerCase(Locale.ROOT),
                "--barfeed.alpaca.base-url=" + apiUrl,
                "--barfeed.alpaca.requests-per-minute=1000000",
                "--barfeed.massive.base-url=" + apiUrl,
                "--barfeed.massive.requests-per-minute=1000000",
                "--barfeed.fetch.timeframes=15Min",
                "--barfeed.fetch.backfill-start=" + START,
                "--barfeed.fetch.until=" + until));
        if (schema.classicTables()) {
            command.add("--spring.profiles.active=classic");
        }
        if (schema == Schema.SEED) {
            command.add("--barfeed.store.insert=" + SEED_INSERT);
            command.add("--barfeed.store.copy-into=");
            command.add("--barfeed.store.copy-fields=");
        }
        command.add("--barfeed.store.copy=" + (store == Store.COPY));
        command.addAll(words(System.getenv("BENCH_ARGS")));
        Path log = Path.of("target", "bench-logs", (name + ".log").toLowerCase(Locale.ROOT));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (launcher) {
            builder.environment().put("JAVA_OPTS", String.join(" ", jvm));
        }
        // A real deployment's keys come from the environment; the benchmark's simulator accepts any.
        builder.environment().put("APCA_API_KEY_ID", "bench");
        builder.environment().put("APCA_API_SECRET_KEY", "bench");
        builder.environment().put("MASSIVE_API_KEY", "bench");
        api.resetFirstRequest();
        long launched = System.currentTimeMillis();
        Process process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread stopChild = new Thread(process::destroyForcibly); // a benchmark stopped by hand stops its barfeed too
        Runtime.getRuntime().addShutdownHook(stopChild);
        long peakRssKb = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            peakRssKb = Math.max(peakRssKb, vmHwmKb(process.pid()));
        }
        double whole = (System.currentTimeMillis() - launched) / 1000.0;
        Runtime.getRuntime().removeShutdownHook(stopChild);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher summary = SUMMARY.matcher(output);
        Matcher heap = PEAK_HEAP.matcher(output);
        Matcher started = STARTED.matcher(output);
        if (process.exitValue() != 0 || !summary.find() || !heap.find() || !started.find()) {
            throw new IllegalStateException("barfeed run failed (exit " + process.exitValue() + "), see " + log);
        }
        double[] startup = new double[5];
        for (int i = 0; i < startup.length; i++) {
            startup[i] = Double.parseDouble(started.group(i + 1));
        }
        return new Run(
                Double.parseDouble(summary.group(5)),
                Long.parseLong(summary.group(2)),
                Long.parseLong(summary.group(3)),
                Long.parseLong(summary.group(4)),
                Long.parseLong(heap.group(1)),
                peakRssKb / 1024,
                whole,
                startup,
                api.firstRequestAt() == 0 ? Double.NaN : (api.firstRequestAt() - launched) / 1000.0);
    }

    /** The run stored what it should: {@code bars} in its summary (-1: any), no failure, {@code rows} in the table. */
    static void check(String url, Schema schema, Run run, long bars, long rows, String name) throws SQLException {
        if (run.failed() != 0 || (bars >= 0 && run.bars() != bars)) {
            throw new IllegalStateException("barfeed stored " + run.bars() + " bars with " + run.failed()
                    + " failed, expected " + bars + ", see target/bench-logs/" + name + ".log");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            long stored = count(c, schema);
            if (stored != rows) {
                throw new IllegalStateException("table holds " + stored + " rows, expected " + rows);
            }
        }
    }

    private static boolean warmedUp;

    /**
     * The launcher's first run writes its class data sharing archive at exit, which takes seconds: one run before
     * the clock starts, so every measured run finds the archive, as every run but a fresh install's first does.
     */
    static void warmUp(
            String url,
            ApiSimulator api,
            Schema schema,
            Provider provider,
            Store store,
            Scenario scenario,
            Instant until)
            throws Exception {
        if (warmedUp || System.getenv().getOrDefault("BENCH_LAUNCHER", "bin").equals("jar")) {
            return;
        }
        warmedUp = true;
        Path app = Path.of("target", "barfeed-app");
        if (Files.isDirectory(app)) {
            try (var files = Files.walk(app)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        barfeed(url, api, schema, provider, store, scenario, until, "warm-up");
        try (Connection c = DriverManager.getConnection(url)) {
            emptyAndCheckpoint(c, schema);
        }
    }

    /** BENCH_ARGS (barfeed settings, to try a lever) and BENCH_JVM (JVM options, e.g. a flight recording). */
    static List<String> words(String extra) {
        return extra == null || extra.isBlank()
                ? List.of()
                : Arrays.asList(extra.trim().split("\\s+"));
    }

    static long count(Connection c, Schema schema) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        schema == Schema.OWN ? "SELECT count(*) FROM bar" : "SELECT count(*) FROM stock_price")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Peak resident set size of a process, from /proc (Linux). */
    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    static String urlOf(String adminUrl, String database) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String params = query < 0 ? "" : adminUrl.substring(query + 1) + "&";
        return adminUrl.substring(0, slash + 1) + database + "?" + params
                + "reWriteBatchedInserts=true&binaryTransferDisable=NUMERIC";
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
