package io.barfeed.ops;

import java.util.Date;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import io.barfeed.run.RunSummary;
import io.barfeed.run.Runs;

/**
 * barfeed's own MBean ({@code io.barfeed:type=Ingest,name=barfeed}): the last run, the failures still open and the
 * ranges given up on, the next fire, and a run on demand. The schedule is whichever route starts from a Quartz
 * endpoint; a run on demand goes through its job while that route runs, and never overlaps another run anyway (the
 * run route takes runs one at a time).
 */
@Component
@ManagedResource(objectName = "io.barfeed:type=Ingest,name=barfeed", description = "barfeed ingest")
public class IngestControl {

    private final Runs runs;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final JdbcTemplate jdbc;

    public IngestControl(Runs runs, CamelContext camel, ProducerTemplate template, JdbcTemplate jdbc) {
        this.runs = runs;
        this.camel = camel;
        this.template = template;
        this.jdbc = jdbc;
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

    @ManagedAttribute(description = "Symbols with failures still open after the last run")
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

    @ManagedAttribute(description = "Failures still open in barfeed.failure: ranges the next runs ask for again")
    public long getOpenFailures() {
        return jdbc.queryForObject("SELECT count(*) FROM barfeed.failure WHERE state = 'open'", Long.class);
    }

    @ManagedAttribute(description = "Ranges given up on after repeated failures for their data, newest first")
    public String[] getAbandonedRanges() {
        List<String> ranges = jdbc.queryForList(
                "SELECT line FROM barfeed.abandoned_range WHERE range_from IS NOT NULL ORDER BY id DESC LIMIT 100",
                String.class);
        return ranges.toArray(String[]::new);
    }

    @ManagedAttribute(description = "Whether a run is going on")
    public boolean isRunning() {
        return runs.current() != null;
    }

    @ManagedAttribute(description = "Next scheduled fire, or null when the schedule route is stopped or suspended")
    public Date getNextFireTime() throws SchedulerException {
        JobKey job = scheduledJob();
        Scheduler scheduler = scheduler();
        if (job == null || scheduler == null || !scheduler.checkExists(job)) {
            return null;
        }
        Date next = null;
        for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
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

    @ManagedOperation(description = "Start a run now; it waits for a run going on to end first")
    public String runNow() throws SchedulerException {
        JobKey job = scheduledJob();
        Scheduler scheduler = scheduler();
        if (job != null && scheduler != null && scheduler.checkExists(job)) {
            scheduler.triggerJob(job); // recorded as a fire of the schedule
            return "run triggered through the schedule";
        }
        template.asyncSendBody("direct:run", null);
        return isRunning() ? "run queued behind the run going on" : "run started";
    }

    /** The Quartz job of the schedule route while that route runs, else null. */
    private JobKey scheduledJob() {
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz
                    && camel.getRouteController()
                            .getRouteStatus(route.getRouteId())
                            .isStarted()) {
                return JobKey.jobKey(
                        quartz.getTriggerKey().getName(), quartz.getTriggerKey().getGroup());
            }
        }
        return null;
    }

    private RunSummary last() {
        return runs.last();
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }
}
