package io.barfeed.fetch;

/**
 * The provider said its quota window is used up in a page it answered with 200 (Alpha Vantage's {@code Note}):
 * retried as a 429 is, after the reset its headers named, else after its barfeed.NAME.rate-limit.retry-after. A
 * provider's route throws it where its answers say so.
 */
public class RateLimited extends RuntimeException {

    public RateLimited(String message) {
        super(message);
    }
}
