package io.barfeed.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.barfeed.fetch.PageCursor;
import io.barfeed.plan.Plan;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * What a run (or any part of it) loaded, added up the fan-out by {@link TotalsAggregation}: the symbol-timeframes
 * planned and those completed, the new symbols that returned no bars (unknown or delisted), those that did (a
 * symbol asked for month by month may have bars in one request and none in another), the bars stored. What failed
 * is not here: it is in barfeed.failure, the one record of it.
 */
public record RunTotals(
        Set<SymbolFrame> planned,
        Set<SymbolFrame> completed,
        Set<SymbolFrame> empty,
        long bars,
        Set<SymbolFrame> loaded) {

    public static final RunTotals NONE = new RunTotals(Set.of(), Set.of(), Set.of(), 0);

    public RunTotals {
        planned = Set.copyOf(planned);
        completed = Set.copyOf(completed);
        loaded = Set.copyOf(loaded);
        empty = loaded.isEmpty() ? Set.copyOf(empty) : without(empty, loaded);
    }

    /** Totals of parts that stored no bars of any symbol asked for. */
    public RunTotals(Set<SymbolFrame> planned, Set<SymbolFrame> completed, Set<SymbolFrame> empty, long bars) {
        this(planned, completed, empty, bars, Set.of());
    }

    /** A timeframe's result: its plan (every symbol planned, those up to date completed) and its fan-out's totals. */
    public static RunTotals ofPlan(Plan plan, Object fanOut) {
        RunTotals planned = new RunTotals(
                frames(plan.universe(), plan.timeframe()), frames(plan.upToDate(), plan.timeframe()), Set.of(), 0);
        return fanOut instanceof RunTotals totals ? planned.plus(totals) : planned;
    }

    /** A request whose pages were all stored: every symbol of it is complete. */
    public static RunTotals completed(PageCursor cursor) {
        String timeframe = cursor.request().timeframe();
        Set<SymbolFrame> empty = cursor.request().symbols().stream()
                .filter(s -> s.since() == null && !cursor.stored().containsKey(s.symbol()))
                .map(s -> new SymbolFrame(s.symbol(), timeframe))
                .collect(Collectors.toSet());
        Set<SymbolFrame> loaded = cursor.stored().keySet().stream()
                .map(symbol -> new SymbolFrame(symbol, timeframe))
                .collect(Collectors.toSet());
        return new RunTotals(Set.of(), frames(cursor.request().symbols(), timeframe), empty, cursor.bars(), loaded);
    }

    /** A reference request that completed: its symbol's object stored, or none to store. */
    public static RunTotals record(PlannedRequest request, boolean stored) {
        Set<SymbolFrame> frame = frames(request.symbols(), request.timeframe());
        return new RunTotals(Set.of(), frame, stored ? Set.of() : frame, 0, stored ? frame : Set.of());
    }

    /** A request that gave up: what it stored before counts, none of its symbols completed. */
    public static RunTotals storedSoFar(PageCursor cursor) {
        Set<SymbolFrame> loaded = cursor == null
                ? Set.of()
                : cursor.stored().keySet().stream()
                        .map(symbol -> new SymbolFrame(symbol, cursor.request().timeframe()))
                        .collect(Collectors.toSet());
        return new RunTotals(Set.of(), Set.of(), Set.of(), cursor == null ? 0 : cursor.bars(), loaded);
    }

    /** Two parts' totals, either of which may be missing. */
    public static RunTotals sum(Object a, Object b) {
        RunTotals first = a instanceof RunTotals totals ? totals : NONE;
        return b instanceof RunTotals totals ? first.plus(totals) : first;
    }

    public RunTotals plus(RunTotals other) {
        return new RunTotals(
                union(planned, other.planned),
                union(completed, other.completed),
                union(empty, other.empty),
                bars + other.bars,
                union(loaded, other.loaded));
    }

    private static Set<SymbolFrame> without(Set<SymbolFrame> all, Set<SymbolFrame> some) {
        Set<SymbolFrame> left = new HashSet<>(all);
        left.removeAll(some);
        return Set.copyOf(left);
    }

    /** Symbols of the run, whatever the timeframe. */
    public Set<String> symbols() {
        return planned.stream().map(SymbolFrame::symbol).collect(Collectors.toSet());
    }

    private static Set<SymbolFrame> frames(List<UniverseSymbol> symbols, String timeframe) {
        return symbols.stream().map(s -> new SymbolFrame(s.symbol(), timeframe)).collect(Collectors.toSet());
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
