package io.barfeed.fetch;

import io.barfeed.quota.DailyQuotas;

/**
 * The provider's quota for the day is spent: no request to it is sent until its day starts again (its
 * barfeed.NAME.rate-limit.day-zone), and none is retried; what was not loaded is recorded (stage quota) and asked
 * for again by the runs after the reset. Thrown by the daily budget ({@link DailyQuotas}) before a request that would
 * exceed barfeed.NAME.rate-limit.requests-per-day, or by a provider's route where its answer says so.
 */
public class DailyQuotaSpent extends RuntimeException {

    public DailyQuotaSpent(String message) {
        super(message);
    }
}
