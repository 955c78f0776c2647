package io.barfeed.actions;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.barfeed.plan.Timeframes;
import io.barfeed.provider.Provider;
import io.barfeed.provider.ProviderSettings.CorporateActions;
import io.barfeed.run.Run;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.settings.PointInTime;

/**
 * Adjusted prices change when a corporate action appears: with an adjustment other than raw (the provider's
 * barfeed.PROVIDER.adjustment in barfeed's words: split, dividend, spin-off, all, or some of them), the bars a symbol
 * had stored before a new action's ex-date (a date of the provider's time zone) are stale. Each such range becomes an
 * open failure (stage {@code restate}) of every timeframe, which the repair planning of the same run asks for again,
 * and which stays open until stored: the table is never left half adjusted.
 */
@Component("restatements")
public class Restatements {

    private final Clock clock;
    private final ZoneId zone;
    private final PointInTime backfillStart;
    private final Set<String> adjustingTypes;
    private final List<String> timeframes;

    /** The provider's adjustment and the action types behind each of its words. */
    @Autowired
    public Restatements(
            @Qualifier("marketClock") Clock clock,
            BarfeedProperties settings,
            Timeframes timeframes,
            Provider provider) {
        this(
                clock,
                provider.timeZone(),
                settings.fetch().backfillStart(),
                provider.adjustment(),
                provider.corporateActions(),
                timeframes.list());
    }

    Restatements(
            Clock clock,
            ZoneId zone,
            PointInTime backfillStart,
            String adjustment,
            CorporateActions actions,
            List<String> timeframes) {
        this.clock = clock;
        this.zone = zone;
        this.backfillStart = backfillStart;
        this.adjustingTypes = actions.typesAdjusting(adjustment);
        this.timeframes = List.copyOf(timeframes);
    }

    /** Whether any action changes the bars as barfeed asks for them. */
    public boolean any() {
        return !adjustingTypes.isEmpty();
    }

    /**
     * Rows for barfeed.record_failure: for each new action that changes the configured adjustment, each timeframe's
     * bars of its symbol from the backfill start to the eve of its ex-date.
     *
     * @param newActions this run's new actions (symbol, type, ex_date)
     */
    public List<Map<String, Object>> of(@Body List<Map<String, Object>> newActions, @Variable("run") Run run) {
        Instant from = backfillStart.resolve(clock.instant());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> action : newActions) {
            if (!adjustingTypes.contains((String) action.get("type"))) {
                continue;
            }
            LocalDate exDate = ((Date) action.get("ex_date")).toLocalDate();
            Instant to = exDate.atStartOfDay(zone).toInstant().minusSeconds(1);
            if (!to.isAfter(from)) {
                continue;
            }
            for (String timeframe : timeframes) {
                Map<String, Object> row = new HashMap<>();
                row.put("run_id", run.id());
                row.put("symbol", action.get("symbol"));
                row.put("timeframe", timeframe);
                row.put("stage", "restate");
                row.put("http_status", null);
                row.put(
                        "message",
                        action.get("type") + " of " + action.get("symbol") + " (ex-date " + exDate
                                + ") changes the adjusted bars before it: asked for again");
                row.put("range_from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                row.put("range_to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                rows.add(row);
            }
        }
        return rows;
    }
}
