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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
                typesByWord(environment),
                timeframes.list());
    }

    Restatements(
            Clock clock,
            PointInTime backfillStart,
            String adjustment,
            Map<String, List<String>> typesByWord,
            List<String> timeframes) {
        this.clock = clock;
        this.backfillStart = backfillStart;
        this.adjustingTypes = typesAdjusting(adjustment, typesByWord);
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

    /**
     * The action types behind each word of the provider's adjustment, from its settings
     * (barfeed.PROVIDER.corporate-actions.split-types, dividend-types, spin-off-types): a provider's own words.
     */
    static Map<String, List<String>> typesByWord(Environment environment) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        for (String word : List.of("split", "dividend", "spin-off")) {
            types.put(
                    word,
                    Binder.get(environment)
                            .bind(
                                    Provider.setting(environment, "corporate-actions." + word + "-types"),
                                    Bindable.listOf(String.class))
                            .orElse(List.of()));
        }
        return types;
    }

    /** The action types that change bars fetched with {@code adjustment} (raw: none; all: every word's). */
    static Set<String> typesAdjusting(String adjustment, Map<String, List<String>> typesByWord) {
        Set<String> types = new HashSet<>();
        for (String part : adjustment.split(",")) {
            String word = part.trim();
            if (word.equals("all")) {
                typesByWord.values().forEach(types::addAll);
            } else {
                types.addAll(typesByWord.getOrDefault(word, List.of())); // raw: none
            }
        }
        return Set.copyOf(types);
    }
}
