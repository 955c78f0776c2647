package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/**
 * What the store does about database faults, injected by a trigger on the real bar table: transient
 * errors are retried, a failed batch leaves nothing half-written and no gap, a bad row is set aside.
 * Run for each store path: StoreFaultsTest (the insert) and StoreFaultsWithCopyTest (COPY first).
 */
abstract class StoreFaultsCases extends AppTest {

    static final String T1 = "2024-01-02T14:30:00Z";
    static final String T2 = "2024-01-02T14:45:00Z";
    static final String T3 = "2024-01-02T15:00:00Z";
    static final String T4 = "2024-01-02T15:15:00Z";

    /** The stubbed API of the concrete test class. */
    abstract AlpacaStub api();

    /** The statement that writes new bars on this class's store path: INSERT or COPY. */
    abstract String storePath();

    static void settings(DynamicPropertyRegistry registry, String database, AlpacaStub api) {
        TestSettings.apply(registry, database, api.baseUrl());
        // Far enough back that a day's revisit window before the stored bars is not cut at the backfill start.
        registry.add("barfeed.fetch.backfill-start", () -> "2023-12-01");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.store.batch-size", () -> "2");
        registry.add("barfeed.store.retries", () -> "2");
        registry.add("barfeed.store.retry-delay", () -> "10ms");
        registry.add("barfeed.store.statement-timeout", () -> "1s");
    }

    @BeforeEach
    void reset() {
        api().reset();
        jdbc.execute("""
                DROP TRIGGER IF EXISTS inject_fault ON bar;
                DROP TABLE IF EXISTS fault;
                DROP SEQUENCE IF EXISTS fault_calls;
                ALTER TABLE bar DROP CONSTRAINT IF EXISTS close_below_1000;
                -- A sequence, not a counter column: it counts even in the transactions the fault rolls back.
                CREATE SEQUENCE fault_calls;
                CREATE TABLE fault (ts timestamptz PRIMARY KEY, sqlstate text NOT NULL, times integer NOT NULL);
                CREATE OR REPLACE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE f fault;
                BEGIN
                  SELECT * INTO f FROM fault WHERE fault.ts = NEW.ts;
                  IF FOUND AND nextval('fault_calls') <= f.times THEN
                    RAISE EXCEPTION 'injected fault at %', NEW.ts USING ERRCODE = f.sqlstate;
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER inject_fault BEFORE INSERT ON bar FOR EACH ROW EXECUTE FUNCTION inject_fault();
                """);
        Universe.only(jdbc, "ETF", "AAA");
    }

    @Test
    void newBarsAreWrittenByThisPathsStatement() {
        StatementLog.install(jdbc, "bar");
        api().page(null, page(T1, T2));

        assertThat(run().failed()).isZero();
        assertThat(stored()).containsExactly(T1, T2);
        assertThat(StatementLog.kinds(jdbc)).as("statements that wrote bars").containsOnly(storePath());
    }

    @Test
    void serializationFailureIsRetried() {
        fault(T1, "40001", 2);
        api().page(null, page(T1, T2));

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(stored()).containsExactly(T1, T2);
        assertThat(faultCalls())
                .as("inserts of T1 seen by the trigger: two refused, then stored")
                .isEqualTo(3);
    }

    @Test
    void deadlockIsRetried() {
        fault(T2, "40P01", 1);
        api().page(null, page(T1, T2));

        assertThat(run().failed()).isZero();
        assertThat(stored()).containsExactly(T1, T2);
        assertThat(faultCalls())
                .as("inserts of T2 seen by the trigger: one refused, then stored")
                .isEqualTo(2);
    }

    /** How often the trigger met a bar with a fault to inject, whether it injected it or not. */
    private long faultCalls() {
        return jdbc.queryForObject("SELECT last_value FROM fault_calls", Long.class);
    }

    @Test
    void aFailedBatchLeavesNoHalfWrittenBatchAndNoGap() {
        // Page 1 (T1, T2) is stored; page 2's batch (T3, T4) keeps failing at T4, so T3 must not stay
        // either, and the next run must start again at T2, the newest bar stored.
        fault(T4, "40001", 1000);
        api().page(null, page(T1, T2).replace("\"next_page_token\":null", "\"next_page_token\":\"p2\""));
        api().page("p2", page(T3, T4));

        RunSummary first = run();

        assertThat(first.failedSymbols()).containsExactly("AAA");
        assertThat(stored()).containsExactly(T1, T2);
        assertThat(jdbc.queryForObject(
                        "SELECT stage FROM barfeed.failure WHERE run_id = ?", String.class, first.runId()))
                .isEqualTo("store");

        jdbc.update("DELETE FROM fault");
        api().reset();
        api().page(null, page(T2, T3, T4));
        RunSummary second = run();

        assertThat(second.failed()).isZero();
        assertThat(stored()).containsExactly(T1, T2, T3, T4);
        api().server()
                .verify(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                        .withQueryParam("start", equalTo("2024-01-01T14:45:00Z"))); // T2, less the revisit window
    }

    @Test
    void aRowTheDatabaseRefusesIsSetAsideAndTheRestStored() {
        jdbc.execute("ALTER TABLE bar ADD CONSTRAINT close_below_1000 CHECK (close < 1000)");
        api().page(
                        null,
                        new PageBuilder()
                                .add("AAA", bar(T1, "10", "11", "9", "10", 1, 1, "10"))
                                .add("AAA", bar(T2, "10", "5000", "9", "4999", 1, 1, "10"))
                                .add("AAA", bar(T3, "10", "11", "9", "10", 1, 1, "10"))
                                .build(null));

        RunSummary summary = run();

        assertThat(stored()).containsExactly(T1, T3);
        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(jdbc.queryForObject(
                        "SELECT stage || ' ' || message FROM barfeed.failure WHERE run_id = ?",
                        String.class,
                        summary.runId()))
                .startsWith("refused bar at 2024-01-02T14:45Z not stored: ")
                .contains("close_below_1000");
    }

    @Test
    void aStatementWaitingOnALockIsCancelledAtTheTimeoutAndRecordedAndTheNextRunStoresIt() throws Exception {
        api().page(null, page(T1, T2));
        RunSummary first;
        try (Connection locker = jdbc.getDataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE bar IN SHARE MODE"); // reads go on, every insert and COPY waits
            }
            first = CompletableFuture.supplyAsync(this::run).get(60, TimeUnit.SECONDS);
            locker.rollback();
        }

        assertThat(first.failedSymbols()).containsExactly("AAA");
        assertThat(jdbc.queryForObject(
                        "SELECT stage || ' ' || message FROM barfeed.failure WHERE run_id = ?",
                        String.class,
                        first.runId()))
                .startsWith("store ")
                .contains("statement timeout");
        assertThat(stored()).isEmpty();

        RunSummary second = run();

        assertThat(second.failed()).isZero();
        assertThat(stored()).containsExactly(T1, T2);
    }

    private void fault(String ts, String sqlstate, int times) {
        jdbc.update("INSERT INTO fault VALUES (?::timestamptz, ?, ?)", ts, sqlstate, times);
    }

    private static String page(String... times) {
        PageBuilder page = new PageBuilder();
        for (String t : times) {
            page.add("AAA", bar(t, "10", "11", "9", "10.5", 100, 5, "10.2"));
        }
        return page.build(null);
    }

    private List<String> stored() {
        return jdbc.queryForList(
                "SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM bar ORDER BY ts",
                String.class);
    }
}
