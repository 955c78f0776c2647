package io.barfeed.run;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/** {@code --barfeed.once=true}: one run through {@code direct:run}, then its exit code. */
@Component
public class OnceRun implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(OnceRun.class);

    private final ProducerTemplate template;
    private final boolean enabled;
    private volatile int exitCode = RunSummary.Status.ABORTED.exitCode();
    // Listens to every collection: only a once-run reports it.
    private final HeapAfterGc heapAfterGc;

    public OnceRun(ProducerTemplate template, BarfeedProperties settings) {
        boolean enabled = settings.once();
        this.template = template;
        this.enabled = enabled;
        this.heapAfterGc = enabled ? new HeapAfterGc() : null;
    }

    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            RunSummary summary = template.requestBody("direct:run", null, RunSummary.class);
            exitCode = summary.exitCode();
        } catch (RuntimeException e) {
            LOG.error("barfeed run could not complete: {}", e.getMessage(), e);
            exitCode = RunSummary.Status.ABORTED.exitCode();
        }
        LOG.info(
                "barfeed memory: peak heap {} MB after GC, {} MB max",
                heapAfterGc.peakMegabytes(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
