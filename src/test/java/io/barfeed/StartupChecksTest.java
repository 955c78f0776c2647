package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.barfeed.settings.BadSetting;

/** A setting that cannot work stops the start-up with an error that names it and says what is wrong. */
class StartupChecksTest {

    static final String DATABASE = TestPostgres.newDatabase("startup");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            barfeed.schedule.cron         | every minute                                  | barfeed.schedule.cron: 'every minute' is not a Quartz cron
            barfeed.schedule.time-zone    | Mars/Olympus                                  | barfeed.schedule.time-zone: 'Mars/Olympus' is not a time zone
            barfeed.fetch.timeframes      | 15Min,15Minutes                               | barfeed.fetch.timeframes: unknown timeframe '15Minutes'
            barfeed.fetch.backfill-start  | sometime                                      | barfeed.fetch.backfill-start: 'sometime' is neither a date
            barfeed.fetch.page-limit      | 20000                                         | barfeed.fetch.page-limit: 20000 is outside 1..10000
            barfeed.store.insert          | INSERT INTO bar (symbol) VALUES (:#ticker)    | barfeed.store.insert: unknown parameters [:#ticker]
            barfeed.store.insert          | INSERT INTO bars (symbol) VALUES (:#symbol)   | barfeed.store.insert: the database rejects it: ERROR: relation "bars" does not exist
            barfeed.universe.query        | SELECT id, symbol FROM stock                  | barfeed.universe.query: must return the columns stock_id and symbol
            barfeed.universe.query        | SELECT id AS stock_id, symbol FROM stocks     | barfeed.universe.query: the database rejects it: ERROR: relation "stocks" does not exist
            barfeed.store.copy            | yes                                           | barfeed.store.copy: 'yes' is neither true nor false
            """)
    void badSettingStopsTheStartNamingIt(String key, String value, String message) {
        Throwable failure = catchThrowable(() -> start(key, value).close());

        assertThat(badSettingIn(failure))
                .as("the start-up failure %s", failure)
                .isNotNull()
                .extracting(BadSetting::key)
                .isEqualTo(key);
        assertThat(badSettingIn(failure)).hasMessageStartingWith(message);
    }

    /** COPY's settings are checked when it is on; a COPY of no rows, rolled back, tries the target. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            barfeed.store.copy-into       | bar                                           | barfeed.store.copy-into: 'bar' is not a table and its columns
            barfeed.store.copy-into       | bar (symbol, timeframe, ts)                   | barfeed.store.copy-into: has 3 columns for the 11 fields of barfeed.store.copy-fields
            barfeed.store.copy-into       | bars (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, vwap) | barfeed.store.copy-into: the database rejects it: ERROR: relation "bars" does not exist
            barfeed.store.copy-into       | bar (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, price) | barfeed.store.copy-into: the database rejects it: ERROR: column "price" of relation "bar" does not exist
            barfeed.store.copy-fields     | symbol,ticker                                 | barfeed.store.copy-fields: unknown fields [ticker]
            """)
    void badCopySettingStopsTheStartNamingIt(String key, String value, String message) {
        Throwable failure = catchThrowable(
                () -> start(key, value, "--barfeed.store.copy=true").close());

        assertThat(badSettingIn(failure))
                .as("the start-up failure %s", failure)
                .isNotNull()
                .extracting(BadSetting::key)
                .isEqualTo(key);
        assertThat(badSettingIn(failure)).hasMessageStartingWith(message);
    }

    private static ConfigurableApplicationContext start(String key, String value, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + DATABASE,
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=http://127.0.0.1:9",
                "--server.port=0",
                "--" + key + "=" + value));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(BarfeedApplication.class).run(args.toArray(String[]::new));
    }

    private static BadSetting badSettingIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadSetting bad) {
                return bad;
            }
        }
        return null;
    }
}
