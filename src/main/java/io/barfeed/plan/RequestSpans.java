package io.barfeed.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.barfeed.provider.ProviderSettings.Requests;

/**
 * Cuts a planned span into the spans the provider takes at once (barfeed.NAME.request.*): by calendar month of its
 * time zone, at most max-span, at most max-bars of the timeframe. The spans follow each other without overlap, both
 * ends included, and together cover the whole span.
 */
public final class RequestSpans {

    /** The end of a span is one second before the next one's start: bars start on whole seconds. */
    private static final Duration BEFORE_NEXT = Duration.ofSeconds(1);

    private RequestSpans() {}

    /** One span of a request, both ends included. */
    public record Span(Instant start, Instant end) {}

    public static List<Span> cut(Instant start, Instant end, Timeframe frame, Requests rules, ZoneId zone) {
        List<Span> spans = List.of(new Span(start, end));
        if (rules.byMonth()) {
            spans = cutEach(
                    spans,
                    from -> from.atZone(zone)
                            .withDayOfMonth(1)
                            .truncatedTo(ChronoUnit.DAYS)
                            .plusMonths(1)
                            .toInstant());
        }
        if (rules.maxSpan() != null && !rules.maxSpan().isZero()) {
            Duration span = rules.maxSpan().compareTo(BEFORE_NEXT) < 0 ? BEFORE_NEXT : rules.maxSpan();
            spans = cutEach(spans, from -> from.plus(span));
        }
        if (rules.maxBars() > 0) {
            long units = (long) rules.maxBars() * frame.multiplier();
            spans = cutEach(spans, from -> barsLater(from, units, frame.timespan(), zone));
        }
        return spans;
    }

    /** How far {@code units} of the timespan reach from {@code from}: days, weeks and months on the calendar. */
    private static Instant barsLater(Instant from, long units, String timespan, ZoneId zone) {
        ZonedDateTime at = from.atZone(zone);
        return switch (timespan) {
            case "minute" -> from.plus(Duration.ofMinutes(units));
            case "hour" -> from.plus(Duration.ofHours(units));
            case "day" -> at.plusDays(units).toInstant();
            case "week" -> at.plusWeeks(units).toInstant();
            default -> at.plusMonths(units).toInstant();
        };
    }

    private interface NextStart {
        Instant after(Instant from);
    }

    private static List<Span> cutEach(List<Span> spans, NextStart next) {
        List<Span> cut = new ArrayList<>();
        for (Span span : spans) {
            Instant from = span.start();
            while (true) {
                Instant following = next.after(from);
                if (!following.isAfter(from) || !following.isBefore(span.end())) {
                    cut.add(new Span(from, span.end()));
                    break;
                }
                cut.add(new Span(from, following.minus(BEFORE_NEXT)));
                from = following;
            }
        }
        return cut;
    }
}
