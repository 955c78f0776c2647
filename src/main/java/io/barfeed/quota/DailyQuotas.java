package io.barfeed.quota;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.DailyQuotaSpent;
import io.barfeed.provider.Provider;
import io.barfeed.provider.Providers;

/**
 * Each provider's quota of the day: the budget barfeed.NAME.rate-limit.requests-per-day (none by default), and the
 * day the provider itself said its quota is spent. Until its day starts again (midnight of its
 * rate-limit.day-zone) no request goes to it: the request fails at once with {@link DailyQuotaSpent}, which is
 * never retried. The counts live in barfeed.provider_quota between runs, so a once-run every few minutes spends the
 * same budget as a service that keeps running. The exchange variable {@code provider} names the provider (none:
 * the bars').
 */
@Component("dailyQuotas")
public class DailyQuotas {

    private final Clock clock;
    private final Provider bars;
    private final Map<String, Day> days = new LinkedHashMap<>();

    @Autowired
    public DailyQuotas(Clock clock, Providers providers) {
        this(clock, providers.bars(), providers.all());
    }

    DailyQuotas(Clock clock, Provider bars, Collection<Provider> providers) {
        this.clock = clock;
        this.bars = bars;
        for (Provider provider : providers) {
            days.put(provider.name(), new Day(provider));
        }
    }

    /** The run starts: the counts of today as barfeed.provider_quota holds them (provider, day, requests, until). */
    public void load(@Body List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byProvider = new HashMap<>();
        rows.forEach(row -> byProvider.put((String) row.get("provider"), row));
        Instant now = clock.instant();
        for (Day day : days.values()) {
            day.load(byProvider.get(day.provider.name()), now);
        }
    }

    /**
     * Takes one request of the provider's day, before it is sent.
     *
     * @throws DailyQuotaSpent when the day's budget is spent, or the provider said so, until its day starts again
     */
    public void take(Exchange exchange) {
        dayOf(exchange).take(clock.instant());
    }

    /**
     * The provider said its quota for the day is spent (the route threw {@link DailyQuotaSpent}).
     *
     * @return whether this is the first word of it since its day started (the run says so once)
     */
    public boolean spent(Exchange exchange, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause) {
        return dayOf(exchange).spent(clock.instant());
    }

    /**
     * Whether the provider may still be asked today, without taking a request: the pacer asks before a request
     * waits for its slot, so that requests of a spent day fail at once instead of waiting in line.
     *
     * @throws DailyQuotaSpent when its day is spent
     */
    public void check(String provider) {
        Day day = days.get(provider);
        if (day != null) {
            day.check(clock.instant());
        }
    }

    /** When the provider of the exchange may be asked again. */
    public Instant until(Exchange exchange) {
        return dayOf(exchange).until;
    }

    /** The counts to keep in barfeed.provider_quota: providers with a budget, or a day they said was spent. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Day day : days.values()) {
            synchronized (day) {
                if (day.date != null && (day.budget > 0 || day.until != null)) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("provider", day.provider.name());
                    row.put("day", day.date);
                    row.put("requests", day.used);
                    row.put(
                            "spent_until",
                            day.until == null ? null : OffsetDateTime.ofInstant(day.until, ZoneOffset.UTC));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private Day dayOf(Exchange exchange) {
        Object name = exchange.getVariable("provider");
        Day day = days.get(name == null ? bars.name() : name.toString());
        if (day == null) {
            throw new IllegalStateException("no provider " + name + " in use");
        }
        return day;
    }

    /** One provider's day. */
    private static final class Day {
        private final Provider provider;
        private final int budget;
        private LocalDate date;
        private long used;
        private Instant until;

        Day(Provider provider) {
            this.provider = provider;
            this.budget = provider.rateLimit().requestsPerDay();
        }

        /** barfeed.provider_quota is the record of the day: it holds every run's requests, this process's too. */
        synchronized void load(Map<String, Object> row, Instant now) {
            roll(now);
            boolean today = row != null && date.equals(toDate(row.get("day")));
            used = today ? ((Number) row.get("requests")).longValue() : 0;
            Instant saidUntil = today ? toInstant(row.get("spent_until")) : null;
            until = saidUntil != null && saidUntil.isAfter(now) ? saidUntil : null;
        }

        synchronized void check(Instant now) {
            roll(now);
            if (until != null && now.isBefore(until)) {
                throw new DailyQuotaSpent(
                        provider.name() + "'s quota for today is spent: no requests to it until " + until);
            }
        }

        synchronized void take(Instant now) {
            check(now);
            if (budget > 0 && used >= budget) {
                until = nextDay(now);
                throw new DailyQuotaSpent(provider.setting("rate-limit.requests-per-day") + " (" + budget
                        + ") is spent for today: no requests to " + provider.name() + " until " + until);
            }
            used++;
        }

        synchronized boolean spent(Instant now) {
            roll(now);
            boolean first = until == null;
            until = nextDay(now);
            return first;
        }

        /** A new day of the provider's zone starts afresh. */
        private void roll(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, provider.rateLimit().dayZone());
            if (!today.equals(date)) {
                date = today;
                used = 0;
                until = null;
            }
        }

        private Instant nextDay(Instant now) {
            return LocalDate.ofInstant(now, provider.rateLimit().dayZone())
                    .plusDays(1)
                    .atStartOfDay(provider.rateLimit().dayZone())
                    .toInstant();
        }

        private static LocalDate toDate(Object value) {
            return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
        }

        private static Instant toInstant(Object value) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            return (Instant) value;
        }
    }
}
