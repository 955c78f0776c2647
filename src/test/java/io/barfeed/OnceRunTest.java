package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.BarfeedProcess.How;
import io.barfeed.BarfeedProcess.Result;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** {@code --barfeed.once=true} as scripts use it: a separate JVM, its exit code and its summary line. */
class OnceRunTest {

    static final AlpacaStub API = new AlpacaStub();

    @BeforeEach
    void resetApi() {
        API.reset();
    }

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
    void keysTheProviderRefusesExitThreeNamingTheVariables() throws Exception {
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html><head><title>401 Authorization Required</title></head></html>")));

        Result result = once(classicApp());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("check APCA_API_KEY_ID and APCA_API_SECRET_KEY");
    }

    @Test
    void aPlanThatRefusesRecentSipDataExitsFourNamingTheSetting() throws Exception {
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withBody("{\"message\":\"subscription does not permit querying recent SIP data\"}")));

        Result result = once(classicApp());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(4);
        assertThat(result.output()).contains("barfeed.alpaca.end-delay");
    }

    @Test
    void aDatabaseThatCannotBeReachedExitsOne() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort(); // nothing listens there once it is closed
        }
        Result result = once(classicApp("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/market"));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("127.0.0.1:" + closed).doesNotContain(" finished: ");
    }

    @Test
    void aProviderWithoutItsBaseUrlExitsOneNamingTheSetting() throws Exception {
        Result result = once(classicApp("--barfeed.alpaca.base-url="));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("barfeed.alpaca.base-url");
        assertThat(result.summaries()).isEmpty();
    }

    @Test
    void aFoldersApplicationYamlAndConfigYamlAreReadOverTheBuiltInOneKeyByKey(@TempDir Path folder) throws Exception {
        stubOneDailyBar();
        Files.writeString(folder.resolve("application.yaml"), "barfeed:\n  fetch:\n    timeframes: [1Day]\n");
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(
                folder.resolve("config").resolve("application.yaml"), "barfeed:\n  store:\n    batch-size: 7\n");

        Result result = BarfeedProcess.run(How.MAIN_CLASS, folder, onceIn(classicApp()), Map.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("settings config/application.yaml over application.yaml over built-in application.yaml")
                .contains("timeframes 1Day,") // the folder's key
                .contains("provider alpaca"); // and every other key the jar's
        assertThat(result.summaries()).containsExactly("symbols=2 bars=1 failed=0 requests=1");
    }

    @Test
    void aFoldersRouteFileReplacesOnlyTheBuiltInFileOfItsName(@TempDir Path folder) throws Exception {
        stubOneDailyBar();
        Files.createDirectories(folder.resolve("routes"));
        Files.writeString(
                folder.resolve("routes").resolve("run.camel.yaml"),
                Files.readString(Path.of("routes", "run.camel.yaml"))
                        .replace("message: \"${body.line}\"", "message: \"OURS ${body.line}\""));

        Result result = BarfeedProcess.run(
                How.MAIN_CLASS, folder, onceIn(classicApp("--barfeed.fetch.timeframes=1Day")), Map.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .containsPattern("routes 1 of \\d+ files from routes/, the rest built-in")
                .contains("OURS barfeed run ");
    }

    @Test
    void aMisspeltKeyInAFoldersApplicationYamlExitsOneNamingItItsFileAndTheKeyMeant(@TempDir Path folder)
            throws Exception {
        Files.writeString(
                folder.resolve("application.yaml"),
                "barfeed:\n  fetch:\n    timeframes: [1Day]\n    symbol-per-request: 10\n");

        Result result = BarfeedProcess.run(How.MAIN_CLASS, folder, onceIn(classicApp()), Map.of());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("barfeed.fetch.symbol-per-request: is not a barfeed setting, set in ")
                .containsPattern("application.yaml\\]? - 4:")
                .contains("did you mean barfeed.fetch.symbols-per-request?");
        assertThat(result.summaries()).isEmpty();
        assertThat(API.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void aMisspeltEnvironmentVariableOrArgumentExitsOneNamingEach() throws Exception {
        Result result = BarfeedProcess.run(
                How.MAIN_CLASS,
                Path.of("").toAbsolutePath(),
                onceIn(classicApp("--barfeed.store.batch-sise=10")),
                Map.of("BARFEED_FETCH_PARALELLISM", "3"));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("barfeed.store.batch-sise (the command line: --barfeed.store.batch-sise): did you mean"
                        + " barfeed.store.batch-size?")
                .contains("BARFEED_FETCH_PARALELLISM (the environment variable BARFEED_FETCH_PARALELLISM): did you"
                        + " mean barfeed.fetch.parallelism (BARFEED_FETCH_PARALLELISM)?");
        assertThat(result.summaries()).isEmpty();
    }

    private static void stubOneDailyBar() {
        API.page(
                null,
                new PageBuilder()
                        .add("AAPL", bar("2024-01-02T05:00:00Z", "187.20", "188.00", "187.10", "187.90", 2000, 80, "1"))
                        .build(null));
    }

    private static List<String> onceIn(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--barfeed.once=true"));
        all.addAll(args);
        return all;
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

    /** The classic schema against the stub; an extra {@code --key=value} replaces the base's for that key. */
    private static List<String> classicApp(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=classic",
                "--spring.datasource.url=" + ClassicSchemaTest.classicDatabase(),
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=" + API.baseUrl(),
                "--barfeed.fetch.backfill-start=2024-01-02",
                "--barfeed.fetch.retry-delay=10ms"));
        args.addAll(TestSettings.STUB_ARGS);
        for (String arg : extra) {
            String key = arg.substring(0, arg.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key)); // a key given twice would bind as "first,second"
            args.add(arg);
        }
        return args;
    }

    private static Result once(List<String> args) throws Exception {
        return BarfeedProcess.once(args);
    }
}
