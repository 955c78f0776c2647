package io.barfeed;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import io.barfeed.run.RunSummary;

/**
 * The base of the tests that boot barfeed in-process: the real routes/ and application.yaml, a real PostgreSQL
 * (each class its own database, set with its API in a {@code @DynamicPropertySource}), runs started the way a
 * once-run starts them, and the tables read back.
 */
// Camel's JMX off as camel-test used to turn it off: tests of the MBeans turn it on in their own settings. barfeed's
// own lines at WARN, as the libraries': a test that reads them turns them on (@ReadsBarfeedLog).
@SpringBootTest(
        classes = BarfeedApplication.class,
        properties = {"camel.main.jmx-enabled=false", "logging.level.barfeed=WARN", "logging.level.io.barfeed=WARN"})
@DirtiesContext
public abstract class AppTest {

    @Autowired
    protected ProducerTemplate template;

    @Autowired
    protected JdbcTemplate jdbc;

    /** One run, start to summary. */
    protected RunSummary run() {
        return template.requestBody("direct:run", null, RunSummary.class);
    }

    /** The run's rows of barfeed.failure: symbol, timeframe, stage, range, attempt, state, in that order. */
    protected List<String> failures(long runId) {
        return jdbc.queryForList("""
                SELECT concat_ws(' ', symbol, timeframe, stage,
                       to_char(range_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') || '..'
                       || to_char(range_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), 'attempt', attempt, state)
                FROM barfeed.failure WHERE run_id = ? ORDER BY symbol, range_from, id""", String.class, runId);
    }

    /** Each symbol's stored bar times, as {@code SYMBOL yyyy-MM-ddTHH:mmZ}, in order. */
    protected List<String> storedTimes() {
        return jdbc.queryForList(
                "SELECT symbol || ' ' || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"') FROM bar"
                        + " ORDER BY symbol, ts",
                String.class);
    }
}
