package io.barfeed.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The line a long run logs every {@code barfeed.progress.interval-ms}: requests, pages, bars and their rate. */
@Component("progressLine")
public class ProgressLine {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.run");

    private final Runs runs;

    public ProgressLine(Runs runs) {
        this.runs = runs;
    }

    public void report() {
        Run run = runs.current();
        if (run != null) {
            LOG.info(run.progress());
        }
    }
}
