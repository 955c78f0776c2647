package io.barfeed.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.barfeed.provider.Provider;
import io.barfeed.provider.ProviderSettings.Requests;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.settings.PointInTime;

/**
 * Plans one timeframe of a run. Each symbol starts where its stored bars need checking: the revisit window before
 * its newest stored bar (late corrections land there), or the backfill start. An open failure range that reaches
 * into that window moves the start back to cover it; one behind it becomes a repair request, at most
 * {@code barfeed.repair.max-requests} of them per run, oldest first. Symbols are then sorted by start and cut into
 * requests of {@code symbols-per-request}; a request starts at its earliest symbol, and the insert's ON CONFLICT
 * absorbs the little overlap this gives the others (after the first run all symbols usually share one start). Last,
 * each request is cut into the spans the provider takes at once (barfeed.NAME.request.*: months, a span, a number
 * of bars), which are requests of their own that resolve open failures together.
 */
@Component("requestPlanner")
public class RequestPlanner {

    static final String QUERY_KEY = "barfeed.universe.query";

    private final Clock clock;
    private final PointInTime backfillStart;
    private final int symbolsPerRequest;
    private final Duration endDelay;
    private final PointInTime until;
    private final Duration revisit;
    private final int maxRepairRequests;
    private final Requests spans;
    private final ZoneId zone;
    private final UnaryOperator<String> timeframeParam;

    @Autowired
    public RequestPlanner(@Qualifier("marketClock") Clock clock, BarfeedProperties settings, Provider provider) {
        this(
                clock,
                settings.fetch().backfillStart(),
                Math.min(settings.fetch().symbolsPerRequest(), provider.maxSymbolsPerRequest()),
                provider.endDelay(),
                settings.fetch().until(),
                settings.fetch().revisit(),
                settings.repair().maxRequests(),
                provider.request(),
                provider.timeZone(),
                provider::timeframeParam);
    }

    RequestPlanner(
            Clock clock,
            PointInTime backfillStart,
            int symbolsPerRequest,
            Duration endDelay,
            PointInTime until,
            Duration revisit,
            int maxRepairRequests) {
        this(
                clock,
                backfillStart,
                symbolsPerRequest,
                endDelay,
                until,
                revisit,
                maxRepairRequests,
                new Requests(null, 0, false),
                ZoneOffset.UTC,
                UnaryOperator.identity());
    }

    RequestPlanner(
            Clock clock,
            PointInTime backfillStart,
            int symbolsPerRequest,
            Duration endDelay,
            PointInTime until,
            Duration revisit,
            int maxRepairRequests,
            Requests spans,
            ZoneId zone,
            UnaryOperator<String> timeframeParam) {
        this.spans = spans;
        this.zone = zone;
        this.timeframeParam = timeframeParam;
        this.clock = clock;
        this.backfillStart = backfillStart;
        this.symbolsPerRequest = symbolsPerRequest;
        this.endDelay = endDelay;
        this.until = until;
        this.revisit = revisit;
        this.maxRepairRequests = maxRepairRequests;
    }

    /**
     * @param rows the universe query's rows: stock_id, symbol, since
     * @param frame the timeframe
     * @param openRanges barfeed.failure's open ranges of the timeframe: symbol, range_from, range_to
     */
    public Plan plan(List<Map<String, Object>> rows, String frame, List<Map<String, Object>> openRanges) {
        Instant now = clock.instant();
        Instant end = until == null ? now.minus(endDelay) : until.resolve(now);
        Instant backfill = backfillStart.resolve(now);

        if (rows.isEmpty()) {
            throw new IllegalStateException(QUERY_KEY + " returned no symbols for " + frame
                    + ": nothing to load (with the default query: is etf_holding empty?)");
        }
        List<UniverseSymbol> universe =
                rows.stream().map(RequestPlanner::toSymbol).toList();
        Map<String, SymbolRange> open = openSpans(openRanges);

        Map<UniverseSymbol, Instant> starts = new LinkedHashMap<>();
        List<UniverseSymbol> upToDate = new ArrayList<>();
        List<SymbolRange> behind = new ArrayList<>();
        Set<String> absorbed = new HashSet<>();
        for (UniverseSymbol s : universe) {
            Instant start = startOf(s, backfill);
            SymbolRange span = open.get(s.symbol());
            if (span != null && !span.to().isBefore(start)) {
                start = span.from().isBefore(start) ? span.from() : start;
                absorbed.add(s.symbol());
            } else if (span != null) {
                behind.add(span);
            }
            if (start.isBefore(end) || absorbed.contains(s.symbol())) {
                starts.put(s, start);
            } else {
                upToDate.add(s);
            }
        }

        List<PlannedRequest> requests = new ArrayList<>(repairs(frame, universe, behind));
        List<UniverseSymbol> due = new ArrayList<>(starts.keySet());
        due.sort(Comparator.comparing((UniverseSymbol s) -> starts.get(s)).thenComparing(UniverseSymbol::symbol));
        for (int i = 0; i < due.size(); i += symbolsPerRequest) {
            List<UniverseSymbol> chunk = due.subList(i, Math.min(i + symbolsPerRequest, due.size()));
            List<String> resolving = chunk.stream()
                    .map(UniverseSymbol::symbol)
                    .filter(absorbed::contains)
                    .toList();
            requests.add(new PlannedRequest(frame, chunk, starts.get(chunk.get(0)), end, false, resolving));
        }
        int waiting = Math.max(0, behind.size() - maxRepairRequests);
        return new Plan(frame, universe, cut(requests), upToDate, waiting);
    }

    /** Each request as the spans the provider takes at once, one group, spelt in the provider's words. */
    private List<PlannedRequest> cut(List<PlannedRequest> requests) {
        List<PlannedRequest> cut = new ArrayList<>();
        for (PlannedRequest r : requests) {
            String param = timeframeParam.apply(r.timeframe());
            List<RequestSpans.Span> parts = RequestSpans.cut(r.start(), r.end(), r.frame(), spans, zone);
            RequestGroup group = new RequestGroup(r.start(), r.end(), parts.size());
            for (RequestSpans.Span part : parts) {
                cut.add(new PlannedRequest(
                        r.timeframe(),
                        r.symbols(),
                        part.start(),
                        part.end(),
                        r.repair(),
                        r.openRangeSymbols(),
                        param,
                        zone,
                        group));
            }
        }
        return cut;
    }

    /** The oldest open spans behind the symbols' windows, as repair requests; equal spans share a request. */
    private List<PlannedRequest> repairs(String frame, List<UniverseSymbol> universe, List<SymbolRange> behind) {
        Map<String, UniverseSymbol> bySymbol = new HashMap<>();
        universe.forEach(s -> bySymbol.putIfAbsent(s.symbol(), s));
        Map<List<Instant>, List<UniverseSymbol>> bySpan = new LinkedHashMap<>();
        behind.stream()
                .sorted(Comparator.comparing(SymbolRange::from).thenComparing(SymbolRange::symbol))
                .limit(maxRepairRequests)
                .forEach(span -> bySpan.computeIfAbsent(List.of(span.from(), span.to()), k -> new ArrayList<>())
                        .add(bySymbol.get(span.symbol())));
        List<PlannedRequest> repairs = new ArrayList<>();
        bySpan.forEach((span, symbols) -> {
            for (int i = 0; i < symbols.size(); i += symbolsPerRequest) {
                List<UniverseSymbol> chunk = symbols.subList(i, Math.min(i + symbolsPerRequest, symbols.size()));
                repairs.add(new PlannedRequest(
                        frame,
                        chunk,
                        span.get(0),
                        span.get(1),
                        true,
                        chunk.stream().map(UniverseSymbol::symbol).toList()));
            }
        });
        return repairs;
    }

    /**
     * The revisit window before the newest stored bar, never before the backfill start (a symbol stored only since
     * yesterday is not loaded from before it); without stored bars, the backfill start.
     */
    private Instant startOf(UniverseSymbol s, Instant backfill) {
        if (s.since() == null) {
            return backfill;
        }
        Instant revisitFrom = s.since().minus(revisit);
        return revisitFrom.isBefore(backfill) ? (s.since().isBefore(backfill) ? s.since() : backfill) : revisitFrom;
    }

    /** Each symbol's open ranges merged into one span, from the earliest start to the latest end. */
    private static Map<String, SymbolRange> openSpans(List<Map<String, Object>> openRanges) {
        Map<String, SymbolRange> spans = new HashMap<>();
        for (Map<String, Object> row : openRanges == null ? List.<Map<String, Object>>of() : openRanges) {
            SymbolRange range = new SymbolRange(
                    (String) row.get("symbol"), toInstant(row.get("range_from")), toInstant(row.get("range_to")));
            spans.merge(
                    range.symbol(),
                    range,
                    (a, b) -> new SymbolRange(
                            a.symbol(),
                            a.from().isBefore(b.from()) ? a.from() : b.from(),
                            a.to().isAfter(b.to()) ? a.to() : b.to()));
        }
        return spans;
    }

    private static UniverseSymbol toSymbol(Map<String, Object> row) {
        Object stockId = row.get("stock_id");
        Object symbol = row.get("symbol");
        if (!(stockId instanceof Number id) || symbol == null) {
            throw new IllegalArgumentException(QUERY_KEY + " must return the columns stock_id (a number) and symbol;"
                    + " got columns " + row.keySet() + " in row " + row);
        }
        return new UniverseSymbol(id.longValue(), symbol.toString(), toInstant(row.get("since")));
    }

    /** A timestamp without time zone (a LocalDateTime: io.barfeed.store.UtcRows) is read as UTC. */
    public static Instant toInstant(Object since) {
        if (since == null) {
            return null;
        }
        if (since instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (since instanceof Date date) {
            return date.toInstant();
        }
        if (since instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (since instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (since instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (since instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (since instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException(QUERY_KEY + ": column since must be a timestamp, was "
                + since.getClass().getSimpleName() + " '" + since + "'");
    }
}
