package io.barfeed.run;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.barfeed.plan.Plan;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * What a run (or any part of it) did, merged up the fan-out by {@link RunTotalsAggregation}.
 * {@code empty} are symbols never loaded before that returned no bars (unknown or delisted).
 */
public record RunTotals(
        Set<SymbolFrame> planned,
        Set<SymbolFrame> completed,
        Set<SymbolFrame> failed,
        Set<SymbolFrame> empty,
        long bars,
        long requests) {

    public static final RunTotals NONE = new RunTotals(Set.of(), Set.of(), Set.of(), Set.of(), 0, 0);

    public RunTotals {
        planned = Set.copyOf(planned);
        completed = Set.copyOf(completed);
        failed = Set.copyOf(failed);
        empty = Set.copyOf(empty);
    }

    /** The plan of one timeframe: all its symbols planned, those already up to date completed. */
    public static RunTotals planned(Plan plan) {
        return new RunTotals(
                frames(plan.universe(), plan.timeframe()),
                frames(plan.upToDate(), plan.timeframe()),
                Set.of(),
                Set.of(),
                0,
                0);
    }

    public static RunTotals completed(PlannedRequest request, Map<String, Long> barsBySymbol, long requests) {
        Set<SymbolFrame> empty = request.symbols().stream()
                .filter(s -> s.since() == null && !barsBySymbol.containsKey(s.symbol()))
                .map(s -> new SymbolFrame(s.symbol(), request.timeframe()))
                .collect(Collectors.toSet());
        return new RunTotals(
                Set.of(), frames(request.symbols(), request.timeframe()), Set.of(), empty, sum(barsBySymbol), requests);
    }

    public static RunTotals failed(PlannedRequest request, Map<String, Long> barsBySymbol, long requests) {
        return new RunTotals(
                Set.of(),
                Set.of(),
                frames(request.symbols(), request.timeframe()),
                Set.of(),
                sum(barsBySymbol),
                requests);
    }

    public RunTotals plus(RunTotals other) {
        return new RunTotals(
                union(planned, other.planned),
                union(completed, other.completed),
                union(failed, other.failed),
                union(empty, other.empty),
                bars + other.bars,
                requests + other.requests);
    }

    /** The failed symbols, and the planned ones that never completed (their request did not finish in time). */
    public Set<String> failedSymbols() {
        Set<String> symbols = new HashSet<>();
        failed.forEach(f -> symbols.add(f.symbol()));
        planned.stream().filter(f -> !completed.contains(f)).forEach(f -> symbols.add(f.symbol()));
        return symbols;
    }

    /** Planned symbols whose request neither completed nor failed: it did not finish within the run's time. */
    public Set<SymbolFrame> unfinished() {
        return planned.stream()
                .filter(f -> !completed.contains(f) && !failed.contains(f))
                .collect(Collectors.toSet());
    }

    public Set<String> symbols() {
        return planned.stream().map(SymbolFrame::symbol).collect(Collectors.toSet());
    }

    private static Set<SymbolFrame> frames(List<UniverseSymbol> symbols, String timeframe) {
        return symbols.stream().map(s -> new SymbolFrame(s.symbol(), timeframe)).collect(Collectors.toSet());
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
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
