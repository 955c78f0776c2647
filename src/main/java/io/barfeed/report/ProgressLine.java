package io.barfeed.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.barfeed.run.Run;
import io.barfeed.run.Runs;
import io.barfeed.settings.BarfeedProperties;

/**
 * The line a long run logs every {@code barfeed.progress.interval}: requests, pages, bars and their rate. A run
 * younger than the interval says nothing yet: a run of a second needs no progress line, its summary follows.
 */
@Component("progressLine")
public class ProgressLine {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.run");

    private final Runs runs;
    private final long intervalNanos;

    public ProgressLine(Runs runs, BarfeedProperties settings) {
        this.runs = runs;
        this.intervalNanos = settings.progress().interval().toNanos();
    }

    public void report() {
        Run run = runs.current();
        if (run != null && run.nanosRunning() >= intervalNanos) {
            LOG.info(run.progress());
        }
    }
}
