package io.barfeed.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TotalsAggregationTest {

    final CamelContext camel = new DefaultCamelContext();
    final TotalsAggregation addTotals = new TotalsAggregation();

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void theTotalsOfAllBranchesAreAddedUp() {
        Exchange result = aggregate(branch(totals("AAA", 3)), branch(totals("BBB", 4)), branch(totals("CCC", 5)));

        RunTotals sum = result.getMessage().getBody(RunTotals.class);
        assertThat(sum.completed()).extracting(SymbolFrame::symbol).containsExactlyInAnyOrder("AAA", "BBB", "CCC");
        assertThat(sum.bars()).isEqualTo(12);
        assertThat(result.getException()).isNull();
    }

    @Test
    void aBranchThatEndedWithoutTotalsAddsNothing() {
        Exchange result = aggregate(branch("no totals"), branch(totals("AAA", 3)), branch(null));

        assertThat(result.getMessage().getBody()).isEqualTo(totals("AAA", 3));
    }

    @Test
    void anExceptionALaterBranchDidNotHandleIsKeptToFailTheRun() {
        IllegalStateException failure = new IllegalStateException("fetch-request blew up");

        Exchange result = aggregate(branch(totals("AAA", 3)), failed(failure), branch(totals("BBB", 4)));

        assertThat(result.getException()).isSameAs(failure);
    }

    @Test
    void anExceptionTheFirstBranchDidNotHandleIsKeptToFailTheRun() {
        IllegalStateException failure = new IllegalStateException("fetch-request blew up");

        Exchange result = aggregate(failed(failure), branch(totals("AAA", 3)));

        assertThat(result.getException()).isSameAs(failure);
    }

    @Test
    void ofTwoFailuresTheFirstIsKeptTheLaterOnesAreItsConsequences() {
        IllegalStateException first = new IllegalStateException("refused");
        IllegalStateException second = new IllegalStateException("refused too");

        Exchange result = aggregate(branch(totals("AAA", 3)), failed(first), failed(second));

        assertThat(result.getException()).isSameAs(first);
    }

    @Test
    void aFirstBranchHandledByItsDeadLetterChannelIsUnmarkedSoTheParentRouteGoesOn() {
        Exchange deadLettered = branch(totals("AAA", 3));
        deadLettered.getExchangeExtension().setErrorHandlerHandled(true);
        deadLettered.getExchangeExtension().setRedeliveryExhausted(true);

        // The splitter carries the first result on as the aggregate: still marked, it would end the parent route.
        Exchange result = addTotals.aggregate(null, deadLettered);

        assertThat(result.getExchangeExtension().isErrorHandlerHandledSet()).isFalse();
        assertThat(result.getExchangeExtension().isRedeliveryExhausted()).isFalse();
        assertThat(result.getMessage().getBody()).isEqualTo(totals("AAA", 3));
    }

    @Test
    void theFirstBranchsBodyBecomesTotalsEvenWhenItEndedWithout() {
        Exchange result = addTotals.aggregate(null, branch("no totals"));

        assertThat(result.getMessage().getBody()).isEqualTo(RunTotals.NONE);
    }

    /** Aggregates the branches in order, as the splitter does. */
    private Exchange aggregate(Exchange... branches) {
        Exchange result = null;
        for (Exchange branch : branches) {
            result = addTotals.aggregate(result, branch);
        }
        return result;
    }

    private Exchange branch(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private Exchange failed(Exception failure) {
        Exchange exchange = branch(null);
        exchange.setException(failure);
        return exchange;
    }

    private static RunTotals totals(String completed, long bars) {
        return new RunTotals(Set.of(), Set.of(new SymbolFrame(completed, "1Day")), Set.of(), bars);
    }
}
