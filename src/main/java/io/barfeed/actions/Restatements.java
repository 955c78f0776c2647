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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.barfeed.plan.Timeframes;
import io.barfeed.provider.Provider;
import io.barfeed.run.Run;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.settings.PointInTime;

/**
 * Adjusted prices change when a corporate action appears: with an adjustment other than raw (the provider's
 * barfeed.PROVIDER.adjustment, in Alpaca's words: split, dividend, spin-off, all, or some of them), the bars
 * a symbol had stored before a new action's ex-date are stale. Each such range becomes an open failure (stage
 * {@code restate}) of every timeframe, which the repair planning of the same run asks for again, and which stays
 * open until stored: the table is never left half adjusted.
 */
@Component("restatements")
public class Restatements {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Clock clock;
    private final PointInTime backfillStart;
    private final Set<String> adjustingTypes;
    private final List<String> timeframes;

    /** The active provider's barfeed.PROVIDER.adjustment (raw when it has none). */
    @Autowired
    public Restatements(
            @Qualifier("marketClock") Clock clock,
            BarfeedProperties settings,
            Timeframes timeframes,
            Environment environment) {
        this(
                clock,
                settings.fetch().backfillStart(),
                environment.getProperty(Provider.setting(environment, "adjustment"), "raw"),
                timeframes.list());
    }

    Restatements(Clock clock, PointInTime backfillStart, String adjustment, List<String> timeframes) {
        this.clock = clock;
        this.backfillStart = backfillStart;
        this.adjustingTypes = typesAdjusting(adjustment);
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
            Instant to = exDate.atStartOfDay(NEW_YORK).toInstant().minusSeconds(1);
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

    /** The action types that change bars fetched with {@code adjustment} (raw: none). */
    static Set<String> typesAdjusting(String adjustment) {
        Set<String> types = new HashSet<>();
        for (String part : adjustment.split(",")) {
            switch (part.trim()) {
                case "split" -> types.addAll(List.of("forward_split", "reverse_split", "unit_split"));
                case "dividend" -> types.addAll(List.of("cash_dividend", "stock_dividend"));
                case "spin-off" -> types.add("spin_off");
                case "all" ->
                    types.addAll(List.of(
                            "forward_split",
                            "reverse_split",
                            "unit_split",
                            "cash_dividend",
                            "stock_dividend",
                            "spin_off"));
                default -> {} // raw
            }
        }
        return Set.copyOf(types);
    }
}
