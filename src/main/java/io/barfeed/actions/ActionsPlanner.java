package io.barfeed.actions;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Variable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.barfeed.provider.Provider;
import io.barfeed.run.Run;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.settings.PointInTime;

/**
 * Which corporate actions a run asks for. The provider does not promise when an action appears, so each symbol is
 * asked again from a lookback before the date its ledger already covers; a symbol never asked for is asked from
 * the backfill start, so the ledger covers every bar barfeed loads for it.
 */
@Component("actionsPlanner")
public class ActionsPlanner {

    private final Clock clock;
    private final PointInTime backfillStart;
    private final Duration lookback;
    private final List<String> types;
    /** Symbols per request (barfeed.PROVIDER.corporate-actions.symbols-per-request): their list goes in the URL. */
    private final int symbolsPerRequest;

    /** The provider's barfeed.PROVIDER.corporate-actions.*: a provider without them reads none. */
    @Autowired
    public ActionsPlanner(@Qualifier("marketClock") Clock clock, BarfeedProperties settings, Provider provider) {
        this(
                clock,
                settings.fetch().backfillStart(),
                provider.corporateActions().lookback(),
                provider.corporateActions().types(),
                provider.corporateActions().symbolsPerRequest());
    }

    ActionsPlanner(
            Clock clock, PointInTime backfillStart, Duration lookback, List<String> types, int symbolsPerRequest) {
        this.clock = clock;
        this.backfillStart = backfillStart;
        this.lookback = lookback;
        this.types = List.copyOf(types);
        this.symbolsPerRequest = symbolsPerRequest;
    }

    /** Whether any action type is to be read. */
    public boolean enabled() {
        return !types.isEmpty();
    }

    /** The {@code types} query value. */
    public String typesParam() {
        return String.join(",", types);
    }

    /** Rows for barfeed.action_coverage once {@code request} was read in full. */
    public List<Map<String, Object>> covered(
            @Variable("actionsRequest") ActionsRequest request, @Variable("run") Run run) {
        return request.symbols().stream()
                .map(symbol -> Map.<String, Object>of(
                        "provider", run.provider(),
                        "symbol", symbol,
                        "covered_from", request.start(),
                        "covered_to", request.end()))
                .toList();
    }

    /**
     * @param universe the universe query's rows (symbol)
     * @param coverage the ledger's coverage rows (symbol, covered_to)
     */
    public List<ActionsRequest> plan(List<Map<String, Object>> universe, List<Map<String, Object>> coverage) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate backfill = LocalDate.ofInstant(backfillStart.resolve(clock.instant()), ZoneOffset.UTC);
        Map<String, LocalDate> coveredTo = new HashMap<>();
        for (Map<String, Object> row : coverage) {
            coveredTo.put((String) row.get("symbol"), ((Date) row.get("covered_to")).toLocalDate());
        }
        Map<LocalDate, List<String>> byStart = new TreeMap<>();
        for (Map<String, Object> row : universe) {
            String symbol = (String) row.get("symbol");
            LocalDate covered = coveredTo.get(symbol);
            LocalDate start = covered == null ? backfill : covered.minusDays(lookback.toDays());
            byStart.computeIfAbsent(start, d -> new ArrayList<>()).add(symbol);
        }
        List<ActionsRequest> requests = new ArrayList<>();
        byStart.forEach((start, symbols) -> {
            List<String> distinct = symbols.stream().distinct().sorted().toList();
            for (int i = 0; i < distinct.size(); i += symbolsPerRequest) {
                requests.add(new ActionsRequest(
                        distinct.subList(i, Math.min(i + symbolsPerRequest, distinct.size())), start, today));
            }
        });
        return requests;
    }
}
