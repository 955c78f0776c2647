package io.barfeed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.SymbolRange;
import io.barfeed.plan.UniverseSymbol;
import io.barfeed.provider.ProviderSettings.PageOrder;

class PageCursorTest {

    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-05-10T00:00:00Z");
    // Listed out of alphabetical order, as the planner packs them (by start): the cursor must not rely on it.
    static final PlannedRequest REQUEST = new PlannedRequest(
            "1Day", List.of(symbol(4, "DDD"), symbol(2, "BBB"), symbol(1, "AAA"), symbol(3, "CCC")), START, END);

    @Test
    void theFirstCursorHasStoredNothingAndAsksForTheFirstPage() {
        PageCursor first = PageCursor.first(REQUEST);

        assertThat(first.request()).isEqualTo(REQUEST);
        assertThat(first.pages()).isZero();
        assertThat(first.stored()).isEmpty();
        assertThat(first.bars()).isZero();
        assertThat(first.hasMorePages()).isTrue();
        // The first page is asked for without a page_token parameter at all.
        assertThat(first.param("page_token")).isEmpty();
    }

    @Test
    void aSymbolStraddlingTwoPagesHasItsTalliesAddedAndItsNewestBarFromTheLaterPage() {
        PageCursor cursor = PageCursor.first(REQUEST)
                .next(page("t1", Map.of("AAA", tally(3, "2024-05-03"), "BBB", tally(2, "2024-05-02"))))
                .next(page(null, Map.of("BBB", tally(4, "2024-05-09"), "CCC", tally(1, "2024-05-01"))));

        assertThat(cursor.stored())
                .containsOnly(
                        Map.entry("AAA", tally(3, "2024-05-03")),
                        Map.entry("BBB", tally(6, "2024-05-09")),
                        Map.entry("CCC", tally(1, "2024-05-01")));
        assertThat(cursor.pages()).isEqualTo(2);
    }

    @Test
    void barsAreTheSumOverSymbolsAndPages() {
        PageCursor cursor = PageCursor.first(REQUEST)
                .next(page("t1", Map.of("AAA", tally(3, "2024-05-03"), "BBB", tally(2, "2024-05-02"))))
                .next(page(null, Map.of("BBB", tally(4, "2024-05-09"))));

        assertThat(cursor.bars()).isEqualTo(9);
    }

    @Test
    void nextCursorLeavesThePreviousOneAsItWas() {
        PageCursor first = PageCursor.first(REQUEST);

        first.next(page("t1", Map.of("AAA", tally(3, "2024-05-03"))));

        assertThat(first.stored()).isEmpty();
        assertThat(first.pages()).isZero();
    }

    @Test
    void aBase64PageTokenIsUrlEncodedPaddingIncluded() {
        PageCursor cursor = PageCursor.first(REQUEST).next(page("QUFQTHxN+/Q==", Map.of()));

        // Unencoded, '+' would reach the API as a space and '=' would end the value.
        assertThat(cursor.param("page_token")).isEqualTo("&page_token=QUFQTHxN%2B%2FQ%3D%3D");
    }

    @Test
    void morePagesFollowUntilAPageHasNoNextToken() {
        PageCursor afterFirst = PageCursor.first(REQUEST).next(page("t1", Map.of()));
        PageCursor afterLast = afterFirst.next(page(null, Map.of()));

        // A page with no bars of ours but a next token is not the end.
        assertThat(afterFirst.hasMorePages()).isTrue();
        assertThat(afterFirst.done()).isFalse();
        assertThat(afterLast.hasMorePages()).isFalse();
        assertThat(afterLast.done()).isTrue();
    }

    @Test
    void withNothingStoredEverySymbolIsMissingFromTheRequestsStart() {
        assertThat(PageCursor.first(REQUEST).unstored())
                .containsExactlyInAnyOrder(
                        new SymbolRange("AAA", START, END),
                        new SymbolRange("BBB", START, END),
                        new SymbolRange("CCC", START, END),
                        new SymbolRange("DDD", START, END));
    }

    @Test
    void aPageWithNoBarsOfOursLeavesEverySymbolMissingFromTheRequestsStart() {
        PageCursor cursor = PageCursor.first(REQUEST).next(page("t1", Map.of()));

        assertThat(cursor.unstored()).extracting(SymbolRange::from).containsOnly(START);
        assertThat(cursor.unstored()).hasSize(4);
    }

    @Test
    void symbolsBeforeTheLastSeenAreCompleteTheLastSeenIsMissingAfterItsNewestBarLaterOnesFromTheStart() {
        Instant bbbNewest = Instant.parse("2024-05-06T00:00:00Z");
        PageCursor cursor = PageCursor.first(REQUEST, PageOrder.BY_SYMBOL)
                .next(page("t1", Map.of("AAA", tally(5, "2024-05-09"), "BBB", tally(3, "2024-05-03"))))
                .next(page("t2", Map.of("BBB", tally(3, "2024-05-06"))));

        // The bar at the newest stored time is asked for again: ranges include both ends.
        assertThat(cursor.unstored())
                .containsExactlyInAnyOrder(
                        new SymbolRange("BBB", bbbNewest, END),
                        new SymbolRange("CCC", START, END),
                        new SymbolRange("DDD", START, END));
    }

    @Test
    void inNoPromisedOrderASymbolIsCompleteOnlyOnTheLastPage() {
        // The same pages as above, from a provider that promises no order: AAA's 5 bars may not be all of them.
        PageCursor cursor = PageCursor.first(REQUEST)
                .next(page("t1", Map.of("AAA", tally(5, "2024-05-09"), "BBB", tally(3, "2024-05-03"))))
                .next(page("t2", Map.of("BBB", tally(3, "2024-05-06"))));

        assertThat(cursor.unstored())
                .containsExactlyInAnyOrder(
                        new SymbolRange("AAA", Instant.parse("2024-05-09T00:00:00Z"), END),
                        new SymbolRange("BBB", Instant.parse("2024-05-06T00:00:00Z"), END),
                        new SymbolRange("CCC", START, END),
                        new SymbolRange("DDD", START, END));
    }

    @Test
    void aSymbolWithNoBarsBeforeTheLastSeenIsComplete() {
        // AAA had no bars in the range: the API went straight to CCC, so AAA has nothing more to send.
        PageCursor cursor =
                PageCursor.first(REQUEST, PageOrder.BY_SYMBOL).next(page("t1", Map.of("CCC", tally(2, "2024-05-02"))));

        assertThat(cursor.unstored())
                .containsExactlyInAnyOrder(
                        new SymbolRange("CCC", Instant.parse("2024-05-02T00:00:00Z"), END),
                        new SymbolRange("DDD", START, END));
    }

    @Test
    void whenTheLastSymbolWasSeenOnlyItsTailIsMissing() {
        PageCursor cursor =
                PageCursor.first(REQUEST, PageOrder.BY_SYMBOL).next(page("t1", Map.of("DDD", tally(7, "2024-05-08"))));

        assertThat(cursor.unstored())
                .containsExactly(new SymbolRange("DDD", Instant.parse("2024-05-08T00:00:00Z"), END));
    }

    private static UniverseSymbol symbol(long stockId, String symbol) {
        return new UniverseSymbol(stockId, symbol, null);
    }

    private static SymbolTally tally(long bars, String newestDay) {
        return new SymbolTally(bars, Instant.parse(newestDay + "T00:00:00Z"));
    }

    private static BarsPage page(String nextPageToken, Map<String, SymbolTally> bySymbol) {
        return new BarsPage(List.of(), nextPageToken, bySymbol, List.of(), List.of());
    }
}
