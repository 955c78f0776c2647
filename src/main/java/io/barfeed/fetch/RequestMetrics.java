package io.barfeed.fetch;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code barfeed.request.latency}: every request to the market-data API, timed from the moment the
 * quota let it go to its answer, tagged {@code outcome=ok|failed}.
 */
@Component("requestMetrics")
public class RequestMetrics {

    /** The exchange variable holding the start of the request being timed. */
    private static final String STARTED = "requestStartedNanos";

    private final Timer ok;
    private final Timer failed;

    public RequestMetrics(MeterRegistry meters) {
        this.ok = timer(meters, "ok");
        this.failed = timer(meters, "failed");
    }

    public void started(Exchange exchange) {
        exchange.setVariable(STARTED, System.nanoTime());
    }

    public void succeeded(Exchange exchange) {
        record(exchange, ok);
    }

    /** Called for every attempt that failed, retried or not (by {@link RetryDelay}). */
    public void failed(Exchange exchange) {
        record(exchange, failed);
    }

    private static void record(Exchange exchange, Timer timer) {
        Long started = exchange.getVariable(STARTED, Long.class);
        if (started != null) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            exchange.removeVariable(STARTED);
        }
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("barfeed.request.latency")
                .description("Market-data API requests")
                .tag("outcome", outcome)
                .register(meters);
    }
}
