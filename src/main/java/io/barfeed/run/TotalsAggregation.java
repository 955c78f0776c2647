package io.barfeed.run;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Adds up the fan-out: each branch (a timeframe, a planned request) ends with a {@link RunTotals} body. An
 * exception that a branch's own error handling did not handle is kept, so it fails the run instead of vanishing
 * from the totals.
 */
@Component("addTotals")
public class TotalsAggregation implements AggregationStrategy {

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
        if (oldExchange.getException() != null) {
            return oldExchange; // the first failure is the run's; later ones are likely its consequences
        }
        if (newExchange.getException() != null) {
            oldExchange.setException(newExchange.getException());
        } else {
            oldExchange.getMessage().setBody(totalsOf(oldExchange).plus(totalsOf(newExchange)));
        }
        return oldExchange;
    }

    private static RunTotals totalsOf(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof RunTotals totals ? totals : RunTotals.NONE;
    }
}
