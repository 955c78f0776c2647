package io.barfeed;

import org.springframework.jdbc.core.JdbcTemplate;

/** Seeds a symbol universe in the classic layout (stock, etf_holding) for a test. */
public final class Universe {

    private Universe() {}

    /** Empties bar, etf_holding and stock (ids start at 1 again), then seeds {@link #etf}. */
    public static void only(JdbcTemplate jdbc, String etf, String... holdings) {
        jdbc.execute("TRUNCATE bar, etf_holding, stock RESTART IDENTITY CASCADE");
        etf(jdbc, etf, holdings);
    }

    /** A database as a first run finds it: {@link #only}, and barfeed's own records (runs, failures, corporate actions)
     * emptied too, so no test method sees another's. */
    public static void anew(JdbcTemplate jdbc, String etf, String... holdings) {
        jdbc.execute(
                "TRUNCATE barfeed.failure, barfeed.corporate_action, barfeed.action_coverage, barfeed.run CASCADE");
        only(jdbc, etf, holdings);
    }

    /** An ETF holding the given symbols; the holdings get ids 1, 2, 3... in the order given. */
    public static void etf(JdbcTemplate jdbc, String etf, String... holdings) {
        for (String symbol : holdings) {
            jdbc.update("INSERT INTO stock (symbol, is_etf) VALUES (?, false)", symbol);
        }
        jdbc.update("INSERT INTO stock (symbol, is_etf) VALUES (?, true)", etf);
        jdbc.update("""
                INSERT INTO etf_holding (etf_id, holding_id)
                SELECT e.id, s.id FROM stock e, stock s WHERE e.symbol = ? AND NOT s.is_etf""", etf);
    }
}
