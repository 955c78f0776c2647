package io.barfeed.plan;

import java.util.List;

/** What one timeframe of a run will fetch: the whole universe, the requests, and the symbols already up to date. */
public record Plan(
        String timeframe, List<UniverseSymbol> universe, List<PlannedRequest> requests, List<UniverseSymbol> upToDate) {

    public Plan {
        universe = List.copyOf(universe);
        requests = List.copyOf(requests);
        upToDate = List.copyOf(upToDate);
    }
}
