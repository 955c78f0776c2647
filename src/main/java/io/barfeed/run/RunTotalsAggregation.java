package io.barfeed.run;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

import io.barfeed.plan.Plan;

/**
 * Totals the fan-out: each branch (a timeframe, a planned request) ends with a {@link RunTotals}
 * body, and this strategy adds them up. An exception that a branch's own error handling did not
 * handle is kept, so it fails the run instead of vanishing from the totals.
 */
@Component("runTotals")
public class RunTotalsAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            if (newExchange.getException() == null) {
                newExchange.getMessage().setBody(totalsOf(newExchange));
                // A branch whose dead letter channel recorded its failure is a result for the fan-out;
                // left marked as handled by an error handler, it would end the parent route here.
                newExchange.getExchangeExtension().setErrorHandlerHandled(null);
                newExchange.getExchangeExtension().setRedeliveryExhausted(false);
            }
            return newExchange;
        }
        if (newExchange.getException() != null) {
            oldExchange.setException(newExchange.getException());
        } else if (oldExchange.getException() == null) {
            oldExchange.getMessage().setBody(totalsOf(oldExchange).plus(totalsOf(newExchange)));
        }
        return oldExchange;
    }

    /** A timeframe's result: its plan (every symbol planned, up-to-date ones completed) plus its fan-out. */
    public RunTotals withPlan(@Body Object fanOut, @ExchangeProperty("plan") Plan plan) {
        RunTotals planned = RunTotals.planned(plan);
        return fanOut instanceof RunTotals totals ? planned.plus(totals) : planned;
    }

    private static RunTotals totalsOf(Exchange exchange) {
        RunTotals totals = exchange.getMessage().getBody(RunTotals.class);
        return totals == null ? RunTotals.NONE : totals;
    }
}
