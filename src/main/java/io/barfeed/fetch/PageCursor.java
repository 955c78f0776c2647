package io.barfeed.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Variable;

import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.SymbolRange;
import io.barfeed.plan.UniverseSymbol;
import io.barfeed.provider.ProviderSettings.PageOrder;

/**
 * Where the page loop of one planned request stands: the next page token, and what of each symbol is stored so
 * far. Immutable: each stored page gives the next cursor. {@code order} is how the provider's pages follow each
 * other (barfeed.NAME.page-order), which says what of a request that failed half way is complete.
 */
public record PageCursor(
        PlannedRequest request,
        String pageToken,
        boolean done,
        int pages,
        Map<String, SymbolTally> stored,
        PageOrder order) {

    public PageCursor {
        stored = Map.copyOf(stored);
    }

    /** The first page of a request to a provider whose pages follow each other in {@code order}. */
    public static PageCursor first(PlannedRequest request, PageOrder order) {
        return new PageCursor(request, null, false, 0, Map.of(), order);
    }

    /** The first page of a request, in no promised order. */
    public static PageCursor first(PlannedRequest request) {
        return first(request, PageOrder.ANY);
    }

    public boolean hasMorePages() {
        return !done;
    }

    /** {@code &name=<the next page's token>} for every page but the first, the token URL-encoded. */
    public String param(String name) {
        return pageToken == null ? "" : "&" + name + "=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
    }

    /** Whether this cursor stands at a request's first page. */
    public boolean firstPage() {
        return pageToken == null;
    }

    /** The cursor after {@code page} was stored. */
    public PageCursor next(BarsPage page) {
        Map<String, SymbolTally> tallies = new HashMap<>(stored);
        page.bySymbol().forEach((symbol, tally) -> tallies.merge(symbol, tally, SymbolTally::then));
        return new PageCursor(request, page.nextPageToken(), page.nextPageToken() == null, pages + 1, tallies, order);
    }

    /** For the fetch route: the cursor after the page stored (the variables, passed as objects, never as text). */
    public static PageCursor afterStored(@Variable("cursor") PageCursor cursor, @Variable("page") BarsPage page) {
        return cursor.next(page);
    }

    /** Bars stored so far. */
    public long bars() {
        return stored.values().stream().mapToLong(SymbolTally::bars).sum();
    }

    /**
     * What of the request is not stored, per symbol: from its newest stored bar (or the request's start) to the
     * request's end. When the provider fills pages symbol after symbol in alphabetical order (by-symbol), a symbol
     * before the last one seen on a stored page is complete.
     */
    public List<SymbolRange> unstored() {
        String lastSeen = order != PageOrder.BY_SYMBOL
                ? null
                : stored.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
        List<SymbolRange> missing = new ArrayList<>();
        for (UniverseSymbol s : request.symbols()) {
            if (lastSeen != null && s.symbol().compareTo(lastSeen) < 0) {
                continue;
            }
            SymbolTally tally = stored.get(s.symbol());
            missing.add(new SymbolRange(s.symbol(), tally == null ? request.start() : tally.newest(), request.end()));
        }
        return missing;
    }
}
