package io.barfeed.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.barfeed.plan.PlannedRequest;
import io.barfeed.run.RunTotals;

/** Where the page loop of one planned request stands: the next page token and what is stored so far. */
public record PageCursor(
        PlannedRequest request,
        String pageToken,
        boolean done,
        int pages,
        int retries,
        Map<String, Long> barsBySymbol) {

    public PageCursor {
        barsBySymbol = Map.copyOf(barsBySymbol);
    }

    public static PageCursor first(PlannedRequest request) {
        return new PageCursor(request, null, false, 0, 0, Map.of());
    }

    public boolean hasMorePages() {
        return !done;
    }

    /** {@code &page_token=...} for every page but the first. */
    public String pageTokenParam() {
        return pageToken == null ? "" : "&page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
    }

    /** The cursor after {@code page} was stored. */
    public PageCursor next(BarsPage page) {
        Map<String, Long> counts = new HashMap<>(barsBySymbol);
        page.barsBySymbol().forEach((symbol, n) -> counts.merge(symbol, n, Long::sum));
        return new PageCursor(request, page.nextPageToken(), page.nextPageToken() == null, pages + 1, retries, counts);
    }

    /** The cursor after one more attempt at the current page. */
    public PageCursor retried() {
        return new PageCursor(request, pageToken, done, pages, retries + 1, barsBySymbol);
    }

    /** All pages stored: every symbol of the request is complete. */
    public RunTotals completed() {
        return RunTotals.completed(request, barsBySymbol, pages + retries);
    }

    /** The request gave up on a page: its symbols failed; what was stored before stays counted. */
    public RunTotals failed() {
        return RunTotals.failed(request, barsBySymbol, pages + retries + 1);
    }
}
