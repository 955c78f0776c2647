package io.barfeed.run;

import java.util.Date;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * barfeed's own MBean ({@code io.barfeed:type=Ingest,name=barfeed}): the last run, the next fire,
 * and a run on demand. A run on demand goes through the Quartz job when the schedule runs, so it
 * never overlaps a scheduled one.
 */
@Component
@ManagedResource(objectName = "io.barfeed:type=Ingest,name=barfeed", description = "barfeed ingest")
public class IngestControl {

    static final JobKey JOB = JobKey.jobKey("ingest", "barfeed");

    private final RunProgress progress;
    private final CamelContext camel;
    private final ProducerTemplate template;

    public IngestControl(RunProgress progress, CamelContext camel, ProducerTemplate template) {
        this.progress = progress;
        this.camel = camel;
        this.template = template;
    }

    @ManagedAttribute(description = "Id of the last finished run")
    public long getLastRunId() {
        return last() == null ? 0 : last().runId();
    }

    @ManagedAttribute(description = "succeeded, failed or aborted")
    public String getLastRunStatus() {
        return last() == null ? "none" : last().status().label();
    }

    @ManagedAttribute(description = "Symbols of the last run")
    public int getLastRunSymbols() {
        return last() == null ? 0 : last().symbols();
    }

    @ManagedAttribute(description = "Bars of the last run")
    public long getLastRunBars() {
        return last() == null ? 0 : last().bars();
    }

    @ManagedAttribute(description = "Failed symbols of the last run")
    public int getLastRunFailed() {
        return last() == null ? 0 : last().failed();
    }

    @ManagedAttribute(description = "Seconds of the last run, trigger to last commit")
    public double getLastRunSeconds() {
        return last() == null ? 0 : last().seconds();
    }

    @ManagedAttribute(description = "The summary line of the last run")
    public String getLastRunSummary() {
        return last() == null ? "" : last().line();
    }

    @ManagedAttribute(description = "Whether a run is going on")
    public boolean isRunning() {
        return progress.isRunning();
    }

    @ManagedAttribute(description = "Next scheduled fire, or null when the schedule route is stopped or suspended")
    public Date getNextFireTime() throws SchedulerException {
        Scheduler scheduler = scheduler();
        if (!scheduleStarted() || scheduler == null || !scheduler.checkExists(JOB)) {
            return null;
        }
        Date next = null;
        for (Trigger trigger : scheduler.getTriggersOfJob(JOB)) {
            Trigger.TriggerState state = scheduler.getTriggerState(trigger.getKey());
            // BLOCKED: the previous fire is still running; the trigger fires again when it ends.
            if ((state == Trigger.TriggerState.NORMAL || state == Trigger.TriggerState.BLOCKED)
                    && trigger.getNextFireTime() != null
                    && (next == null || trigger.getNextFireTime().before(next))) {
                next = trigger.getNextFireTime();
            }
        }
        return next;
    }

    @ManagedOperation(
            description = "Start a run now; with the schedule running it waits for a scheduled run to end first")
    public String runNow() throws SchedulerException {
        Scheduler scheduler = scheduler();
        if (scheduleStarted() && scheduler != null && scheduler.checkExists(JOB)) {
            scheduler.triggerJob(JOB); // Quartz keeps it from overlapping a scheduled run
            return "run triggered through the schedule";
        }
        template.asyncSendBody("direct:run", null);
        return "run started";
    }

    private boolean scheduleStarted() {
        var status = camel.getRouteController().getRouteStatus("schedule");
        return status != null && status.isStarted();
    }

    private RunSummary last() {
        return progress.lastRun();
    }

    private Scheduler scheduler() {
        QuartzComponent quartz = camel.getComponent("quartz", QuartzComponent.class);
        return quartz == null ? null : quartz.getScheduler();
    }
}
