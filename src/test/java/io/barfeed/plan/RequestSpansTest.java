package io.barfeed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.barfeed.plan.RequestSpans.Span;
import io.barfeed.provider.ProviderSettings.Requests;

/** A planned span cut as a provider takes it: whole calendar months of its zone, a longest span, a number of bars. */
class RequestSpansTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Timeframe MINUTES_15 = Timeframe.of("15Min");

    @Test
    void byMonthGivesOneSpanPerCalendarMonthOfTheProvidersZoneWithoutOverlap() {
        List<Span> spans = RequestSpans.cut(
                at("2024-01-20T14:30:00Z"), at("2024-03-05T21:00:00Z"), MINUTES_15, byMonth(), NEW_YORK);

        // Months start at New York midnight: 05:00Z in winter, 04:00Z from March's clock change on (not yet here).
        assertThat(spans)
                .containsExactly(
                        new Span(at("2024-01-20T14:30:00Z"), at("2024-02-01T04:59:59Z")),
                        new Span(at("2024-02-01T05:00:00Z"), at("2024-03-01T04:59:59Z")),
                        new Span(at("2024-03-01T05:00:00Z"), at("2024-03-05T21:00:00Z")));
    }

    @Test
    void aSpanWithinOneMonthIsLeftWhole() {
        List<Span> spans = RequestSpans.cut(
                at("2024-02-02T00:00:00Z"), at("2024-02-20T00:00:00Z"), MINUTES_15, byMonth(), NEW_YORK);

        assertThat(spans).containsExactly(new Span(at("2024-02-02T00:00:00Z"), at("2024-02-20T00:00:00Z")));
    }

    @Test
    void maxSpanCutsIntoSpansOfAtMostThatLength() {
        List<Span> spans = RequestSpans.cut(
                at("2024-01-01T00:00:00Z"),
                at("2024-01-25T00:00:00Z"),
                MINUTES_15,
                new Requests(Duration.ofDays(10), 0, false),
                ZoneOffset.UTC);

        assertThat(spans)
                .containsExactly(
                        new Span(at("2024-01-01T00:00:00Z"), at("2024-01-10T23:59:59Z")),
                        new Span(at("2024-01-11T00:00:00Z"), at("2024-01-20T23:59:59Z")),
                        new Span(at("2024-01-21T00:00:00Z"), at("2024-01-25T00:00:00Z")));
    }

    @Test
    void maxBarsCountsBarsOfTheTimeframeInCalendarTime() {
        // 5000 bars of 15 minutes: 52 days and 2 hours.
        List<Span> spans = RequestSpans.cut(
                at("2024-01-01T00:00:00Z"),
                at("2024-03-01T00:00:00Z"),
                MINUTES_15,
                new Requests(null, 5000, false),
                ZoneOffset.UTC);

        assertThat(spans)
                .containsExactly(
                        new Span(at("2024-01-01T00:00:00Z"), at("2024-02-22T01:59:59Z")),
                        new Span(at("2024-02-22T02:00:00Z"), at("2024-03-01T00:00:00Z")));
    }

    @Test
    void withoutRulesTheSpanIsLeftWhole() {
        assertThat(RequestSpans.cut(
                        at("2024-01-01T00:00:00Z"),
                        at("2025-01-01T00:00:00Z"),
                        MINUTES_15,
                        new Requests(null, 0, false),
                        NEW_YORK))
                .containsExactly(new Span(at("2024-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z")));
    }

    static Requests byMonth() {
        return new Requests(null, 0, true);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
