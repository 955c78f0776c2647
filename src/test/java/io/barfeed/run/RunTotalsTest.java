package io.barfeed.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.barfeed.fetch.BarsPage;
import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.fetch.PageCursor;
import io.barfeed.plan.Plan;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

class RunTotalsTest {

    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-05-10T00:00:00Z");
    static final Instant STORED_UP_TO = Instant.parse("2024-04-30T00:00:00Z");

    static final UniverseSymbol AAA = new UniverseSymbol(1, "AAA", null);
    static final UniverseSymbol BBB = new UniverseSymbol(2, "BBB", null);
    static final UniverseSymbol CCC = new UniverseSymbol(3, "CCC", STORED_UP_TO);
    static final UniverseSymbol DDD = new UniverseSymbol(4, "DDD", STORED_UP_TO);

    @Test
    void aPlanCountsItsWholeUniversePlannedAndItsUpToDateSymbolsCompletedPlusItsFanOut() {
        Plan plan = new Plan("1Day", List.of(AAA, BBB, CCC), List.of(), List.of(CCC), 0);
        RunTotals fanOut = new RunTotals(Set.of(), Set.of(frame("AAA")), Set.of(frame("BBB")), 12);

        RunTotals totals = RunTotals.ofPlan(plan, fanOut);

        assertThat(totals.planned()).containsExactlyInAnyOrder(frame("AAA"), frame("BBB"), frame("CCC"));
        assertThat(totals.completed()).containsExactlyInAnyOrder(frame("AAA"), frame("CCC"));
        assertThat(totals.empty()).containsExactly(frame("BBB"));
        assertThat(totals.bars()).isEqualTo(12);
    }

    @Test
    void aFanOutThatEndedWithoutTotalsCountsAsNone() {
        Plan plan = new Plan("1Day", List.of(AAA, CCC), List.of(), List.of(CCC), 0);

        RunTotals planOnly = new RunTotals(Set.of(frame("AAA"), frame("CCC")), Set.of(frame("CCC")), Set.of(), 0);

        // A split of no requests aggregates nothing: its body stays what it was before the split, not totals.
        for (Object body : new Object[] {plan, List.of(), null}) {
            assertThat(RunTotals.ofPlan(plan, body)).as("fan-out body %s", body).isEqualTo(planOnly);
        }
    }

    @Test
    void aCompletedRequestCompletesEverySymbolOfItEvenThoseThatGotNoBars() {
        PageCursor cursor =
                PageCursor.first(request(AAA, BBB, CCC, DDD)).next(page(Map.of("AAA", tally(5), "CCC", tally(2))));

        RunTotals totals = RunTotals.completed(cursor);

        assertThat(totals.completed())
                .containsExactlyInAnyOrder(frame("AAA"), frame("BBB"), frame("CCC"), frame("DDD"));
        assertThat(totals.bars()).isEqualTo(7);
        // Planned is the plan's to say (ofPlan), not a request's.
        assertThat(totals.planned()).isEmpty();
    }

    @Test
    void aNewSymbolThatGotNoBarsIsEmptyButAKnownOneThatGotNoNewBarsIsNot() {
        // BBB was never stored and returned nothing (unknown or delisted); DDD simply has no bar since its last.
        PageCursor cursor = PageCursor.first(request(AAA, BBB, CCC, DDD)).next(page(Map.of("AAA", tally(5))));

        assertThat(RunTotals.completed(cursor).empty()).containsExactly(frame("BBB"));
    }

    @Test
    void aRequestThatGaveUpCountsTheBarsItStoredAndCompletesNothing() {
        PageCursor cursor = PageCursor.first(request(AAA, BBB)).next(page(Map.of("AAA", tally(5))));

        RunTotals totals = RunTotals.storedSoFar(cursor);

        assertThat(totals.bars()).isEqualTo(5);
        assertThat(totals.completed()).isEmpty();
        assertThat(totals.empty()).isEmpty();
        assertThat(totals.planned()).isEmpty();
    }

    @Test
    void aRequestThatFailedBeforeItHadACursorStoredNothing() {
        assertThat(RunTotals.storedSoFar(null)).isEqualTo(RunTotals.NONE);
    }

    @Test
    void plusUnitesTheSetsAndAddsTheBars() {
        RunTotals a = new RunTotals(Set.of(frame("AAA"), frame("BBB")), Set.of(frame("AAA")), Set.of(), 3);
        RunTotals b = new RunTotals(Set.of(frame("BBB"), frame("CCC")), Set.of(frame("CCC")), Set.of(frame("CCC")), 4);

        RunTotals sum = a.plus(b);

        assertThat(sum.planned()).containsExactlyInAnyOrder(frame("AAA"), frame("BBB"), frame("CCC"));
        assertThat(sum.completed()).containsExactlyInAnyOrder(frame("AAA"), frame("CCC"));
        assertThat(sum.empty()).containsExactly(frame("CCC"));
        assertThat(sum.bars()).isEqualTo(7);
        // Neither side is changed by the sum.
        assertThat(a.planned()).hasSize(2);
        assertThat(b.completed()).hasSize(1);
    }

    @Test
    void noneAddsNothing() {
        RunTotals a = new RunTotals(Set.of(frame("AAA")), Set.of(frame("AAA")), Set.of(frame("AAA")), 3);

        assertThat(a.plus(RunTotals.NONE)).isEqualTo(a);
        assertThat(RunTotals.NONE.plus(a)).isEqualTo(a);
    }

    @Test
    void symbolsAreThePlannedSymbolsWhateverTheTimeframe() {
        RunTotals totals = new RunTotals(
                Set.of(frame("AAA", "1Day"), frame("AAA", "15Min"), frame("BBB", "15Min")),
                Set.of(frame("CCC", "1Day")),
                Set.of(),
                0);

        // CCC is only completed, never planned: not a symbol of the run.
        assertThat(totals.symbols()).containsExactlyInAnyOrder("AAA", "BBB");
    }

    private static SymbolFrame frame(String symbol) {
        return frame(symbol, "1Day");
    }

    private static SymbolFrame frame(String symbol, String timeframe) {
        return new SymbolFrame(symbol, timeframe);
    }

    private static PlannedRequest request(UniverseSymbol... symbols) {
        return new PlannedRequest("1Day", List.of(symbols), START, END);
    }

    private static SymbolTally tally(long bars) {
        return new SymbolTally(bars, END);
    }

    /** The last page of a request. */
    private static BarsPage page(Map<String, SymbolTally> bySymbol) {
        return new BarsPage(List.of(), null, bySymbol, List.of(), List.of());
    }
}
