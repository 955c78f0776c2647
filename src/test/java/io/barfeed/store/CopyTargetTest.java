package io.barfeed.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** COPY's target read from the insert: a plain insert names it, one that computes a value does not. */
class CopyTargetTest {

    @Test
    void theShippedInsertNamesTheBarTableAndAllFields() throws Exception {
        String insert = shippedInsert();

        assertThat(CopyTarget.of(insert))
                .contains(new CopyTarget(
                        "bar (symbol, timeframe, ts, stock_id, open, high, low, close, volume, trade_count, vwap)",
                        List.of(
                                "symbol",
                                "timeframe",
                                "ts",
                                "stock_id",
                                "open",
                                "high",
                                "low",
                                "close",
                                "volume",
                                "trade_count",
                                "vwap")));
    }

    @Test
    void aPlainInsertWithoutOnConflictAndInOtherCaseIsRead() {
        assertThat(CopyTarget.of("insert into market.my_bars(ts,  symbol)\n values (:#ts,:#symbol)"))
                .contains(new CopyTarget("market.my_bars (ts, symbol)", List.of("ts", "symbol")));
    }

    @Test
    void anInsertThatComputesAValueNamesNoTarget() {
        assertThat(CopyTarget.of("INSERT INTO stock_price (stock_id, dt) VALUES (:#stock_id,"
                        + " CAST(:#ts AS timestamptz) AT TIME ZONE 'UTC')"))
                .isEmpty();
        assertThat(CopyTarget.of("INSERT INTO bar (symbol, ts) VALUES (:#symbol, now())"))
                .isEmpty();
    }

    @Test
    void anInsertWithAnUnknownParameterOrMismatchedListsNamesNoTarget() {
        assertThat(CopyTarget.of("INSERT INTO bar (symbol) VALUES (:#ticker)")).isEmpty();
        assertThat(CopyTarget.of("INSERT INTO bar (symbol, ts) VALUES (:#symbol)"))
                .isEmpty();
        assertThat(CopyTarget.of("INSERT INTO bar (symbol) SELECT :#symbol")).isEmpty();
        assertThat(CopyTarget.of("INSERT INTO bar (symbol) VALUES (:#symbol) RETURNING id"))
                .isEmpty();
    }

    /** barfeed.store.insert of the default profile in application.yaml. */
    @SuppressWarnings("unchecked")
    private static String shippedInsert() throws Exception {
        Map<String, Map<String, Map<String, Object>>> defaults =
                (Map<String, Map<String, Map<String, Object>>>) new Yaml()
                        .loadAll(Files.readString(Path.of("application.yaml")))
                        .iterator()
                        .next();
        return (String) defaults.get("barfeed").get("store").get("insert");
    }
}
