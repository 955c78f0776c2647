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
    private final RequestMetrics requestMetrics;

    public BeforeRetry(QuotaGate quotaGate, RequestMetrics requestMetrics) {
        this.quotaGate = quotaGate;
        this.requestMetrics = requestMetrics;
    }

    @Override
    public void process(Exchange exchange) {
        requestMetrics.failed(exchange);
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
