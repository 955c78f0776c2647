package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.barfeed.AlpacaStub.PageBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** {@code --barfeed.once=true} as scripts use it: a separate JVM, its exit code and its summary line. */
class OnceRunTest {

    static final AlpacaStub API = new AlpacaStub();
    static final Pattern SUMMARY =
            Pattern.compile("barfeed run \\d+ finished: symbols=(\\d+) bars=(\\d+) failed=(\\d+) requests=(\\d+)"
                    + " seconds=\\d+\\.\\d{3}");

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void everySymbolLoadedExitsZeroWithOneSummaryLine() throws Exception {
        API.page(
                null,
                new PageBuilder()
                        .add(
                                "AAPL",
                                bar("2024-01-02T14:45:00Z", "187.20", "188.00", "187.10", "187.90", 2000, 80, "187.6"))
                        .add(
                                "MSFT",
                                bar("2024-01-02T14:30:00Z", "370.10", "371.00", "370.00", "370.50", 300, 9, "370.4"))
                        .build(null));

        Result result = once(classicApp());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.summaries()).containsExactly("symbols=2 bars=2 failed=0 requests=1");
    }

    @Test
    void failedSymbolsExitTwo() throws Exception {
        API.server().stubFor(AlpacaStub.request(null).willReturn(serverError().withBody("{\"message\":\"boom\"}")));

        Result result = once(classicApp("--barfeed.fetch.retries=1"));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.summaries()).containsExactly("symbols=2 bars=0 failed=2 requests=2");
        assertThat(result.output())
                .contains("failures still open for symbols: AAPL, MSFT; the next runs ask for them again");
    }

    @Test
    void badSettingExitsOneNamingIt() throws Exception {
        Result result = once(classicApp("--barfeed.fetch.timeframes=15Minutes"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("Property: barfeed.fetch.timeframes")
                .contains("Value: \"15Minutes\"")
                .contains("is not a timeframe");
        assertThat(result.summaries()).isEmpty();
    }

    @Test
    void embeddedDefaultsLoadTheDemoUniverseAndARepeatRunAddsNothingInAShortLog(@TempDir Path dataDir)
            throws Exception {
        List<String> args = List.of(
                "--barfeed.embedded.data-dir=" + dataDir.resolve("pg"),
                "--barfeed.fetch.backfill-start=P7D",
                "--barfeed.simulator.latency=0ms");

        Result first = once(args);
        Result second = once(args);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(first.summaries().get(0)).matches("symbols=212 bars=\\d+ failed=0 requests=\\d+");
        long firstBars = Long.parseLong(first.summaries().get(0).replaceAll(".*bars=(\\d+).*", "$1"));
        assertThat(firstBars).isGreaterThan(212L * 26);
        assertThat(second.summaries().get(0)).startsWith("symbols=212 ").contains(" failed=0 ");
        assertThat(storedBars(dataDir.resolve("pg"))).isEqualTo(firstBars);
        // What starts, the plan, the summary: no library chatter, nothing to warn about.
        assertThat(second.output().lines().toList())
                .as(second.output())
                .hasSizeLessThanOrEqualTo(40)
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .anyMatch(line -> line.contains("barfeed started in "));
    }

    private static long storedBars(Path dataDir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM bar")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> classicApp(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=classic",
                "--spring.datasource.url=" + ClassicSchemaTest.classicDatabase(),
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=" + API.baseUrl(),
                "--barfeed.fetch.backfill-start=2024-01-02",
                "--barfeed.fetch.retry-delay-ms=10"));
        args.addAll(TestSettings.STUB_ARGS);
        args.addAll(List.of(extra));
        return args;
    }

    /** Runs the application's main class once, as {@code java -jar target/barfeed.jar --barfeed.once=true} would. */
    private static Result once(List<String> args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(Path.of("target"), "once-run", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BarfeedApplication.class.getName(),
                "--barfeed.once=true"));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("once-run did not exit within 180 s; output in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
        /** The figures of every summary line printed. */
        List<String> summaries() {
            List<String> found = new ArrayList<>();
            Matcher m = SUMMARY.matcher(output);
            while (m.find()) {
                found.add("symbols=" + m.group(1) + " bars=" + m.group(2) + " failed=" + m.group(3) + " requests="
                        + m.group(4));
            }
            return found;
        }
    }
}
