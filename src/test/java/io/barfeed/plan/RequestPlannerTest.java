package io.barfeed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barfeed.provider.ProviderSettings.Requests;
import io.barfeed.settings.PointInTime;

class RequestPlannerTest {

    static final Instant NOW = Instant.parse("2024-05-10T20:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Two symbols per request, no revisit window, at most two repair requests. */
    final RequestPlanner planner =
            new RequestPlanner(CLOCK, new PointInTime("P10D"), 2, Duration.ofMinutes(15), null, Duration.ZERO, 2);

    @Test
    void symbolsAreSortedByStartAndPackedIntoRequestsThatStartAtTheirEarliest() {
        Plan plan = planner.plan(
                List.of(
                        row(1, "AAA", Timestamp.from(Instant.parse("2024-05-09T19:45:00Z"))),
                        row(2, "BBB", null),
                        row(3, "CCC", Timestamp.from(Instant.parse("2024-05-09T19:45:00Z"))),
                        row(4, "DDD", Timestamp.from(Instant.parse("2024-05-10T19:00:00Z")))),
                "15Min",
                List.of());

        assertThat(plan.requests())
                .extracting(r -> r.symbolsParam() + " " + r.start() + " " + r.end())
                .containsExactly(
                        "BBB,AAA 2024-04-30T20:00:00Z 2024-05-10T19:45:00Z",
                        "CCC,DDD 2024-05-09T19:45:00Z 2024-05-10T19:45:00Z");
        assertThat(plan.upToDate()).isEmpty();
    }

    @Test
    void aSymbolStoredUpToTheEndIsUpToDateAndNotRequested() {
        Plan plan = planner.plan(
                List.of(row(1, "AAA", Timestamp.from(Instant.parse("2024-05-10T19:45:00Z")))), "1Day", List.of());

        assertThat(plan.requests()).isEmpty();
        assertThat(plan.upToDate()).extracting(UniverseSymbol::symbol).containsExactly("AAA");
    }

    @Test
    void oddSymbolsAreUrlEncoded() {
        Plan plan = planner.plan(List.of(row(1, "BRK.B", null), row(2, "A B;/\u00e9'", null)), "1Day", List.of());

        assertThat(plan.requests().get(0).symbolsParam()).isEqualTo("A+B%3B%2F%C3%A9%27,BRK.B");
    }

    @Test
    void naiveTimestampsAreUtc() {
        assertThat(RequestPlanner.toInstant(LocalDateTime.parse("2024-01-02T14:30:00")))
                .isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
    }

    @Test
    void aUniverseQueryWithoutItsColumnsNamesTheSetting() {
        assertThatThrownBy(() -> planner.plan(List.of(Map.of("id", 1, "ticker", "AAA")), "1Day", List.of()))
                .hasMessageContaining("barfeed.universe.query must return the columns stock_id (a number) and symbol");
    }

    @Test
    void aPointInTimeThatIsNoneOfItsFormsSaysWhichFormsItTakes() {
        assertThatThrownBy(() -> new PointInTime("sixty days"))
                .hasMessage("'sixty days' is neither a date (2024-01-02), an instant (2024-01-02T00:00:00Z)"
                        + " nor a period (P60D)");
    }

    @Test
    void eachSymbolIsAskedAgainForTheRevisitWindowBeforeItsNewestStoredBar() {
        RequestPlanner revisiting = new RequestPlanner(
                CLOCK, new PointInTime("P10D"), 50, Duration.ofMinutes(15), null, Duration.ofDays(1), 2);

        Plan plan = revisiting.plan(List.of(row(1, "AAA", at("2024-05-10T19:45:00Z"))), "15Min", List.of());

        assertThat(plan.requests())
                .extracting(r -> r.symbolsParam() + " " + r.start() + " " + r.repair())
                .containsExactly("AAA 2024-05-09T19:45:00Z false");
        assertThat(plan.upToDate()).isEmpty();
    }

    @Test
    void anOpenRangeReachingIntoTheWindowMovesTheStartBackAndIsResolvedByTheRequest() {
        Plan plan = planner.plan(
                List.of(row(1, "AAA", at("2024-05-10T15:00:00Z")), row(2, "BBB", at("2024-05-10T15:00:00Z"))),
                "15Min",
                List.of(open("AAA", "2024-05-10T14:00:00Z", "2024-05-10T15:00:00Z")));

        assertThat(plan.requests())
                .extracting(r -> r.symbolsParam() + " " + r.start() + " " + r.openRangeSymbols())
                .containsExactly("AAA,BBB 2024-05-10T14:00:00Z [AAA]");
    }

    @Test
    void openRangesBehindTheWindowAreRepairedFirstOldestFirstAtMostTheBound() {
        Plan plan = planner.plan(
                List.of(
                        row(1, "AAA", at("2024-05-10T15:00:00Z")),
                        row(2, "BBB", at("2024-05-10T15:00:00Z")),
                        row(3, "CCC", at("2024-05-10T15:00:00Z"))),
                "15Min",
                List.of(
                        open("CCC", "2024-05-08T15:00:00Z", "2024-05-08T15:00:00Z"),
                        open("AAA", "2024-05-06T14:30:00Z", "2024-05-06T14:30:00Z"),
                        open("AAA", "2024-05-07T14:30:00Z", "2024-05-07T14:45:00Z"),
                        open("BBB", "2024-05-09T10:00:00Z", "2024-05-09T11:00:00Z")));

        assertThat(plan.requests())
                .extracting(r -> r.symbolsParam() + " " + r.start() + " " + r.end() + " " + r.repair())
                .containsExactly(
                        "AAA 2024-05-06T14:30:00Z 2024-05-07T14:45:00Z true",
                        "CCC 2024-05-08T15:00:00Z 2024-05-08T15:00:00Z true",
                        "AAA,BBB 2024-05-10T15:00:00Z 2024-05-10T19:45:00Z false",
                        "CCC 2024-05-10T15:00:00Z 2024-05-10T19:45:00Z false");
        assertThat(plan.waitingRanges()).as("BBB's range waits for a later run").isEqualTo(1);
    }

    @Test
    void openRangesOfSymbolsOutsideTheUniverseAreLeftAlone() {
        Plan plan = planner.plan(
                List.of(row(1, "AAA", at("2024-05-10T15:00:00Z"))),
                "15Min",
                List.of(open("ZZZ", "2024-05-06T14:30:00Z", "2024-05-06T14:30:00Z")));

        assertThat(plan.requests()).extracting(PlannedRequest::repair).containsExactly(false);
    }

    @Test
    void aProviderThatTakesAMonthAtOnceGetsOneRequestPerMonthInItsWordsResolvingTogether() {
        // By month in New York, 15Min spelt 15min; an open range reaching back into April.
        RequestPlanner monthly = new RequestPlanner(
                CLOCK,
                new PointInTime("P10D"),
                1,
                Duration.ofMinutes(15),
                null,
                Duration.ZERO,
                2,
                new Requests(null, 0, true),
                ZoneId.of("America/New_York"),
                timeframe -> timeframe.toLowerCase());

        Plan plan = monthly.plan(
                List.of(row(1, "AAA", at("2024-05-03T15:00:00Z"))),
                "15Min",
                List.of(open("AAA", "2024-04-29T14:00:00Z", "2024-05-03T15:00:00Z")));

        assertThat(plan.requests())
                .extracting(r ->
                        r.symbolsParam() + " " + r.month() + " " + r.timeframeParam() + " " + r.start() + " " + r.end())
                .containsExactly(
                        "AAA 2024-04 15min 2024-04-29T14:00:00Z 2024-05-01T03:59:59Z",
                        "AAA 2024-05 15min 2024-05-01T04:00:00Z 2024-05-10T19:45:00Z");
        RequestGroup group = plan.requests().get(0).group();
        assertThat(plan.requests().get(1).group()).isSameAs(group);
        assertThat(group.start()).isEqualTo("2024-04-29T14:00:00Z");
        // The open range is resolved once both months are stored, not by the first alone.
        assertThat(group.completedOne()).isFalse();
        assertThat(group.completedOne()).isTrue();
    }

    @Test
    void aGroupWithAFailedPartResolvesNothing() {
        RequestGroup group = new RequestGroup(NOW, NOW, 2);

        group.failedOne();

        assertThat(group.completedOne()).isFalse();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static Map<String, Object> open(String symbol, String from, String to) {
        return Map.of("symbol", symbol, "range_from", at(from), "range_to", at(to));
    }

    private static Map<String, Object> row(int stockId, String symbol, Object since) {
        Map<String, Object> row = new HashMap<>();
        row.put("stock_id", stockId);
        row.put("symbol", symbol);
        row.put("since", since);
        return row;
    }
}
