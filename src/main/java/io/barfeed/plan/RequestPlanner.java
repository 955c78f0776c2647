package io.barfeed.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * Packs the universe into multi-symbol requests. Symbols are sorted by where they must start and
 * cut into runs of {@code symbols-per-request}; a request starts at its earliest symbol, and the
 * insert's ON CONFLICT absorbs the little overlap this gives the others (after the first run all
 * symbols of a universe usually share one start, so the overlap is nil).
 */
@Component("requestPlanner")
public class RequestPlanner {

    static final String QUERY_KEY = "barfeed.universe.query";

    private final Clock clock;
    private final PointInTime backfillStart;
    private final int symbolsPerRequest;
    private final Duration endDelay;
    private final PointInTime until;

    @Autowired
    public RequestPlanner(Clock clock, BarfeedProperties settings) {
        this(
                clock,
                settings.fetch().backfillStart(),
                settings.fetch().symbolsPerRequest(),
                settings.alpaca().endDelay(),
                settings.fetch().until());
    }

    RequestPlanner(
            Clock clock, PointInTime backfillStart, int symbolsPerRequest, Duration endDelay, PointInTime until) {
        this.clock = clock;
        this.backfillStart = backfillStart;
        this.symbolsPerRequest = symbolsPerRequest;
        this.endDelay = endDelay;
        this.until = until;
    }

    public Plan plan(List<Map<String, Object>> rows, String frame) {
        Instant now = clock.instant();
        Instant end = until == null ? now.minus(endDelay) : until.resolve(now);
        Instant backfill = backfillStart.resolve(now);

        if (rows.isEmpty()) {
            throw new IllegalStateException(QUERY_KEY + " returned no symbols for " + frame
                    + ": nothing to load (with the default query: is etf_holding empty?)");
        }
        List<UniverseSymbol> universe =
                rows.stream().map(RequestPlanner::toSymbol).toList();
        List<UniverseSymbol> upToDate = new ArrayList<>();
        List<UniverseSymbol> due = new ArrayList<>();
        for (UniverseSymbol s : universe) {
            (startOf(s, backfill).isBefore(end) ? due : upToDate).add(s);
        }
        due.sort(
                Comparator.comparing((UniverseSymbol s) -> startOf(s, backfill)).thenComparing(UniverseSymbol::symbol));

        List<PlannedRequest> requests = new ArrayList<>();
        for (int i = 0; i < due.size(); i += symbolsPerRequest) {
            List<UniverseSymbol> chunk = due.subList(i, Math.min(i + symbolsPerRequest, due.size()));
            requests.add(new PlannedRequest(frame, chunk, startOf(chunk.get(0), backfill), end));
        }
        return new Plan(frame, universe, requests, upToDate);
    }

    /** The newest stored bar is asked for again: it may have been a partial bar when it was stored. */
    private static Instant startOf(UniverseSymbol s, Instant backfill) {
        return s.since() == null ? backfill : s.since();
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

    /** A timestamp without time zone is read as UTC (the JVM runs in UTC). */
    static Instant toInstant(Object since) {
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
