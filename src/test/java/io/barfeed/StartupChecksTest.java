package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A setting that cannot work stops the start-up, and the report barfeed prints names the setting, its value, where
 * it was set and what is wrong with it; a missing database table or column is named with the statement's setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

    static final String DATABASE = TestPostgres.newDatabase("startup");

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("aBadValueIsReportedWithItsKeyValueOriginAndReasonCases")
    void aBadValueIsReportedWithItsKeyValueOriginAndReason(
            String key, String value, String reason, CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start("--" + key + "=" + value));

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("Property: " + key)
                .contains("Value: \"" + value + "\"")
                .contains("Origin: \"" + key + "\" from property source \"commandLineArgs\"")
                .contains(reason);
    }

    @Test
    void aBadValueInApplicationYamlIsReportedWithItsFileAndLine(@TempDir Path dir, CapturedOutput output) {
        AppFromCopy copy = new AppFromCopy(dir).edit("application.yaml", "page-limit: 10000", "page-limit: 0");
        int line = copy.lineOf("application.yaml", "page-limit: 0");

        Throwable failure =
                catchThrowable(() -> copy.start(DATABASE, "http://127.0.0.1:9").close());

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("Property: barfeed.alpaca.page-limit")
                .containsPattern("Origin: URL \\[file:.*application.yaml] - " + line + ":\\d+")
                .contains("Reason: must be greater than or equal to 1");
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("aStatementTheDatabaseRejectsIsReportedWithItsSettingCases")
    void aStatementTheDatabaseRejectsIsReportedWithItsSetting(
            String key, String value, String message, CapturedOutput output) {
        catchThrowable(() -> start("--" + key + "=" + value));

        assertThat(output.getOut())
                .contains("Description:\n\n" + message)
                .contains("Fix " + key + " in application.yaml");
    }

    /** COPY's settings are checked when it is on; a COPY of no rows, rolled back, tries the target. */
    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("aCopyTargetTheDatabaseRejectsIsReportedWithItsSettingCases")
    void aCopyTargetTheDatabaseRejectsIsReportedWithItsSetting(String value, String message, CapturedOutput output) {
        catchThrowable(() -> start("--barfeed.store.copy=true", "--barfeed.store.copy-into=" + value));

        assertThat(output.getOut()).contains("Description:\n\n" + message);
    }

    @Test
    void aConfiguredDatabaseWithoutApiKeysIsRefusedBeforeAnythingIsWritten(CapturedOutput output) {
        String database = TestPostgres.newDatabase("nokeys");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(BarfeedApplication.class)
                .run("--spring.datasource.url=" + database, "--server.port=0")
                .close());

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("barfeed has a database (spring.datasource.url) but no API keys for alpaca:"
                        + " APCA_API_KEY_ID and APCA_API_SECRET_KEY are not set. Nothing was written to the database.")
                .contains("To run the demo instead (an embedded PostgreSQL and the built-in simulator), start barfeed"
                        + " without spring.datasource.url.");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database));
        assertThat(jdbc.queryForList(
                        "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
                        String.class))
                .as("tables in the database barfeed refused")
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'barfeed'", Integer.class))
                .isZero();
    }

    @Test
    void aConfiguredDatabaseWithoutTheMassiveKeyIsRefused(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(BarfeedApplication.class)
                .run(
                        "--spring.datasource.url=" + TestPostgres.newDatabase("nomassivekey"),
                        "--server.port=0",
                        "--barfeed.provider=massive")
                .close());

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("barfeed has a database (spring.datasource.url) but no API keys for massive:"
                        + " MASSIVE_API_KEY is not set. Nothing was written to the database.");
    }

    @Test
    void aProviderWithoutItsRouteIsRefusedNamingTheRoute(CapturedOutput output) {
        Throwable failure =
                catchThrowable(() -> start("--barfeed.provider=acme", "--barfeed.acme.base-url=http://127.0.0.1:9"));

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("barfeed.provider: no route file defines the route acme-page (from direct:acme-page) for"
                        + " the provider 'acme': add it to routes/providers/acme.camel.yaml (README, \"Adding a"
                        + " provider\")");
    }

    @Test
    void adjustedBarsFromAProviderWithoutCorporateActionsAreRefusedNamingTheSetting(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start(
                "--barfeed.provider=massive",
                "--MASSIVE_API_KEY=key",
                "--barfeed.massive.base-url=http://127.0.0.1:9",
                "--barfeed.massive.adjusted=true"));

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("barfeed.massive.adjusted: asks for split-adjusted bars, which change before every new"
                        + " corporate action of those kinds, and barfeed reads no such actions from massive");
    }

    @Test
    void aTimeframeTheProviderDoesNotServeIsRefusedNamingTheSetting(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start(
                "--barfeed.provider=acme",
                "--barfeed.acme.base-url=http://127.0.0.1:9",
                "--barfeed.acme.timeframes.15Min=15",
                "--barfeed.acme.timeframes.1Hour=60",
                "--barfeed.fetch.timeframes=15Min,1Day"));

        assertThat(failure).isNotNull();
        assertThat(output.getOut())
                .contains("barfeed.fetch.timeframes: 1Day is not a timeframe acme serves (barfeed.acme.timeframes:"
                        + " 15Min, 1Hour)");
    }

    static Stream<Arguments> aBadValueIsReportedWithItsKeyValueOriginAndReasonCases() {
        return Stream.of(
                arguments(
                        "barfeed.schedule.cron",
                        "every minute",
                        "is not a Quartz cron (Illegal characters for this position: 'EVE')"),
                arguments("barfeed.schedule.time-zone", "Mars/Olympus", "Unknown time-zone ID: Mars/Olympus"),
                arguments(
                        "barfeed.fetch.timeframes",
                        "15Min,15Minutes",
                        "is not a timeframe (Alpaca v2 takes 1Min..59Min"),
                arguments(
                        "barfeed.fetch.backfill-start",
                        "sometime",
                        "'sometime' is neither a date (2024-01-02), an instant"),
                arguments("barfeed.alpaca.page-limit", "20000", "must be less than or equal to 10000"),
                arguments("barfeed.store.copy", "maybe", "Invalid boolean value 'maybe'"),
                arguments(
                        "barfeed.store.copy-fields", "symbol,ticker", "is not a bar field (one of symbol|timeframe|ts"),
                arguments("barfeed.simulator.faults.slow", "2", "must be less than or equal to 1"),
                // Read of every provider in use, whatever its name (ProviderSettings).
                arguments("barfeed.alpaca.rate-limit.requests-per-day", "-1", "must be greater than or equal to 0"),
                arguments("barfeed.alpaca.time-zone", "Mars/Olympus", "Unknown time-zone ID: Mars/Olympus"));
    }

    static Stream<Arguments> aStatementTheDatabaseRejectsIsReportedWithItsSettingCases() {
        return Stream.of(
                arguments(
                        "barfeed.store.insert",
                        "INSERT INTO bar (symbol) VALUES (:#ticker)",
                        "barfeed.store.insert: unknown parameters [:#ticker]"),
                arguments(
                        "barfeed.store.insert",
                        "INSERT INTO bars (symbol) VALUES (:#symbol)",
                        "barfeed.store.insert: the database rejects it: ERROR: relation \"bars\" does not exist"),
                arguments(
                        "barfeed.universe.query",
                        "SELECT id, symbol FROM stock",
                        "barfeed.universe.query: must return the columns stock_id and symbol"),
                arguments(
                        "barfeed.universe.query",
                        "SELECT id AS stock_id, symbol FROM stocks",
                        "barfeed.universe.query: the database rejects it: ERROR: relation \"stocks\" does not exist"));
    }

    static Stream<Arguments> aCopyTargetTheDatabaseRejectsIsReportedWithItsSettingCases() {
        return Stream.of(
                arguments("bar", "barfeed.store.copy-into: 'bar' is not a table and its columns"),
                arguments(
                        "bar (symbol, timeframe, ts)",
                        "barfeed.store.copy-into: has 3 columns for the 11 fields of barfeed.store.copy-fields"),
                arguments(
                        "bars (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, vwap)",
                        "barfeed.store.copy-into: the database rejects it: ERROR: relation \"bars\" does not exist"),
                arguments(
                        "bar (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, price)",
                        "barfeed.store.copy-into: the database rejects it: ERROR: column \"price\" of relation"
                                + " \"bar\" does not exist"));
    }

    private static void start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + DATABASE,
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=http://127.0.0.1:9",
                "--server.port=0"));
        args.addAll(TestSettings.STUB_ARGS);
        args.addAll(List.of(settings));
        new SpringApplicationBuilder(BarfeedApplication.class)
                .run(args.toArray(String[]::new))
                .close();
    }
}
