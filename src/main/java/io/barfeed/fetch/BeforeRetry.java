package io.barfeed.fetch;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Runs before each retry of a page: counts the request for the run's figures and hands the failed
 * response's rate-limit headers to the {@link QuotaGate}, which holds the retry until the quota refills.
 */
@Component("beforeRetry")
public class BeforeRetry implements Processor {

    private final QuotaGate quotaGate;

    public BeforeRetry(QuotaGate quotaGate) {
        this.quotaGate = quotaGate;
    }

    @Override
    public void process(Exchange exchange) {
        PageCursor cursor = exchange.getProperty("cursor", PageCursor.class);
        if (cursor != null) {
            exchange.setProperty("cursor", cursor.retried());
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        if (cause instanceof HttpOperationFailedException http) {
            quotaGate.observe(http.getResponseHeaders(), http.getStatusCode() == 429);
        }
    }
}
