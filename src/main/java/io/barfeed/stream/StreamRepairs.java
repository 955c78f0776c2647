package io.barfeed.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Variable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.barfeed.plan.Plan;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.RequestGroup;
import io.barfeed.plan.RequestPlanner;
import io.barfeed.plan.UniverseSymbol;
import io.barfeed.provider.Provider;
import io.barfeed.run.Run;
import io.barfeed.settings.BarfeedProperties;

/**
 * Plans the repair after a (re)connect: the REST requests (the fetch path's, for the stream's own feed) for every
 * bar the stream may have missed, per symbol and timeframe. A symbol starts at its newest stored bar, inclusive (its
 * updated bar may have been lost with the connection); with none stored, at the moment the connection before was
 * lost, less the minute and a half in which a bar and its update are still on their way; with neither, the
 * lookback. Never further back than barfeed.stream.repair-lookback. The requests end before the window the
 * connection started in: its bars come on the stream, and a window not seen whole is REST's (the scheduled runs).
 */
@Component("streamRepairs")
public class StreamRepairs {

    /** How long after a minute's start its bar and its updated bar may still be on their way. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(90);

    private final Duration lookback;
    private final int symbolsPerRequest;
    private final String feed;
    private final Provider provider;
    private final Clock market;
    private final Duration rollUpDelay;
    private final StreamTimeframes timeframes;
    private final List<JoinedWindow> joined = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StreamRepairs(
            BarfeedProperties settings,
            Provider provider,
            StreamTimeframes timeframes,
            @Qualifier("marketClock") Clock market) {
        this.market = market;
        this.timeframes = timeframes;
        this.rollUpDelay = settings.stream().rollUpDelay();
        this.lookback = settings.stream().repairLookback();
        this.symbolsPerRequest = Math.min(settings.fetch().symbolsPerRequest(), provider.maxSymbolsPerRequest());
        this.feed = provider.streamFeed();
        this.provider = provider;
    }

    /** The repair after {@code connection} started streaming, under its run. */
    public StreamRepair of(@Variable("run") Run run, @Variable("connection") StreamConnection connection) {
        return new StreamRepair(run, connection);
    }

    /**
     * @param rows the universe query's rows for {@code timeframe}: stock_id, symbol, since
     * @param connection the connection that just started streaming
     */
    public Plan plan(List<Map<String, Object>> rows, String timeframe, StreamConnection c, Boolean joined) {
        if (Boolean.TRUE.equals(joined)) {
            return planJoined(rows, timeframe, c);
        }
        Instant end = StreamTimeframes.windowStart(timeframe, c.subscribedAt()).minusSeconds(1);
        Instant earliest =
                StreamTimeframes.windowStart(timeframe, c.subscribedAt().minus(lookback));
        Map<UniverseSymbol, Instant> starts = new LinkedHashMap<>();
        List<UniverseSymbol> universe = new ArrayList<>();
        List<UniverseSymbol> upToDate = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            UniverseSymbol s = new UniverseSymbol(
                    ((Number) row.get("stock_id")).longValue(),
                    String.valueOf(row.get("symbol")),
                    since(row.get("since")));
            universe.add(s);
            Instant start = s.since() != null
                    ? s.since()
                    : c.lostAt() != null
                            ? StreamTimeframes.windowStart(timeframe, c.lostAt().minus(IN_FLIGHT))
                            : earliest;
            if (start.isBefore(earliest)) {
                start = earliest;
            }
            if (start.isAfter(end)) {
                upToDate.add(s);
            } else {
                starts.put(s, start);
            }
        }
        List<UniverseSymbol> due = new ArrayList<>(starts.keySet());
        due.sort(Comparator.comparing((UniverseSymbol s) -> starts.get(s)).thenComparing(UniverseSymbol::symbol));
        List<PlannedRequest> requests = new ArrayList<>();
        for (int i = 0; i < due.size(); i += symbolsPerRequest) {
            List<UniverseSymbol> chunk = due.subList(i, Math.min(i + symbolsPerRequest, due.size()));
            requests.add(request(timeframe, chunk, starts.get(chunk.get(0)), end));
        }
        return new Plan(timeframe, universe, requests, upToDate, 0);
    }

    /** The window of {@code timeframe} the connection joined part-way, for every symbol: asked once it closed. */
    private Plan planJoined(List<Map<String, Object>> rows, String timeframe, StreamConnection c) {
        Instant start = StreamTimeframes.windowStart(timeframe, c.subscribedAt());
        Instant end = start.plus(StreamTimeframes.lengthOf(timeframe)).minusSeconds(1);
        List<UniverseSymbol> universe = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            universe.add(new UniverseSymbol(
                    ((Number) row.get("stock_id")).longValue(),
                    String.valueOf(row.get("symbol")),
                    since(row.get("since"))));
        }
        List<PlannedRequest> requests = new ArrayList<>();
        for (int i = 0; i < universe.size(); i += symbolsPerRequest) {
            requests.add(request(
                    timeframe, universe.subList(i, Math.min(i + symbolsPerRequest, universe.size())), start, end));
        }
        return new Plan(timeframe, universe, requests, List.of(), 0);
    }

    /**
     * After {@code connection} started streaming, under {@code run}: the window of each rolled-up timeframe it joined
     * part-way (not at its very start) is due for REST once it has closed and its last bars are in.
     */
    public void joinLater(@Variable("run") Run run, @Variable("connection") StreamConnection connection) {
        StreamRepair repair = new StreamRepair(run, connection);
        Instant at = connection.subscribedAt();
        for (String timeframe : timeframes.rollUps()) {
            Instant start = StreamTimeframes.windowStart(timeframe, at);
            if (start.isBefore(at)) {
                Instant end = start.plus(StreamTimeframes.lengthOf(timeframe));
                joined.add(new JoinedWindow(repair, timeframe, end.plus(rollUpDelay)));
            }
        }
    }

    /** The joined windows due now, each once. */
    public List<JoinedWindow> joinedDue() {
        Instant now = market.instant();
        List<JoinedWindow> due = new ArrayList<>();
        joined.removeIf(w -> {
            if (now.isBefore(w.dueAt())) {
                return false;
            }
            due.add(w);
            return true;
        });
        return due;
    }

    /** A window of {@code timeframe} a connection joined part-way, asked of REST from {@code dueAt} (market time). */
    public record JoinedWindow(StreamRepair repair, String timeframe, Instant dueAt) {}

    private PlannedRequest request(String timeframe, List<UniverseSymbol> symbols, Instant start, Instant end) {
        return new PlannedRequest(
                timeframe,
                symbols,
                start,
                end,
                false,
                List.of(),
                provider.timeframeParam(timeframe),
                provider.timeZone(),
                RequestGroup.of(start, end),
                feed.isBlank() ? null : feed);
    }

    private static Instant since(Object value) {
        return RequestPlanner.toInstant(value);
    }
}
