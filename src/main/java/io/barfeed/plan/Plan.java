package io.barfeed.plan;

import java.util.List;

/**
 * What one timeframe of a run will fetch: the whole universe, the requests (repairs first), the symbols already up
 * to date, and the open failure ranges left for later runs (past the per-run bound on repairs).
 */
public record Plan(
        String timeframe,
        List<UniverseSymbol> universe,
        List<PlannedRequest> requests,
        List<UniverseSymbol> upToDate,
        int waitingRanges) {

    public Plan {
        universe = List.copyOf(universe);
        requests = List.copyOf(requests);
        upToDate = List.copyOf(upToDate);
    }

    /** Repair requests of the plan. */
    public long repairs() {
        return requests.stream().filter(PlannedRequest::repair).count();
    }
}
