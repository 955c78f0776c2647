package io.barfeed.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.barfeed.TestPostgres;
import io.barfeed.fetch.BarRow;

/** What COPY stores from CopyText is the rows' values exactly: odd text, fractions of a second, exponents, nulls. */
class CopyTextTest {

    static final String DATABASE = TestPostgres.newDatabase("copytext");

    @Test
    void valuesSurviveCopyExactly() throws Exception {
        List<BarRow> rows = List.of(
                new BarRow(
                        "A\tB\\C\nD\r\u00e9",
                        "15Min",
                        Instant.parse("2024-01-02T14:30:00.123456Z"),
                        7,
                        "187.50",
                        "1.5E+3",
                        "-0.0",
                        "0.000001",
                        0,
                        null,
                        null),
                new BarRow(
                        "BRK.B",
                        "1Day",
                        Instant.parse("1999-12-31T23:59:59Z"),
                        8,
                        "10",
                        "11",
                        "9",
                        "10.25",
                        Long.MAX_VALUE,
                        42L,
                        "10.123456789012345678901234567890"));
        int[] allFields = IntStream.range(0, BarRow.FIELDS.size()).toArray();

        try (Connection c = DriverManager.getConnection(DATABASE);
                Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE copied (symbol text, timeframe text, ts timestamptz, stock_id int, open numeric,
                        high numeric, low numeric, close numeric, volume bigint, trade_count bigint, vwap numeric,
                        naive timestamp GENERATED ALWAYS AS (ts AT TIME ZONE 'UTC') STORED)""");
            long copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY copied (" + String.join(", ", BarRow.FIELDS) + ") FROM STDIN",
                            CopyText.of(rows, allFields));
            assertThat(copied).isEqualTo(2);

            List<List<Object>> stored = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery("SELECT *, ts = '2024-01-02T14:30:00.123456Z' FROM copied ORDER BY stock_id")) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 13; i++) {
                        row.add(rs.getString(i));
                    }
                    stored.add(row);
                }
            }
            assertThat(stored.get(0))
                    .containsExactly(
                            "A\tB\\C\nD\r\u00e9",
                            "15Min",
                            "2024-01-02 14:30:00.123456+00",
                            "7",
                            "187.50",
                            "1500",
                            "0.0",
                            "0.000001",
                            "0",
                            null,
                            null,
                            "2024-01-02 14:30:00.123456",
                            "t");
            assertThat(stored.get(1))
                    .containsExactly(
                            "BRK.B",
                            "1Day",
                            "1999-12-31 23:59:59+00",
                            "8",
                            "10",
                            "11",
                            "9",
                            "10.25",
                            Long.toString(Long.MAX_VALUE),
                            "42",
                            "10.123456789012345678901234567890",
                            "1999-12-31 23:59:59",
                            "f");
        }
    }
}
