package io.barfeed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestPlannerTest {

    static final Instant NOW = Instant.parse("2024-05-10T20:00:00Z");
    final RequestPlanner planner = new RequestPlanner(
            Clock.fixed(NOW, ZoneOffset.UTC), new PointInTime("P10D"), 2, Duration.ofMinutes(15), null);

    @Test
    void symbolsAreSortedByStartAndPackedIntoRequestsThatStartAtTheirEarliest() {
        Plan plan = planner.plan(
                List.of(
                        row(1, "AAA", Timestamp.from(Instant.parse("2024-05-09T19:45:00Z"))),
                        row(2, "BBB", null),
                        row(3, "CCC", Timestamp.from(Instant.parse("2024-05-09T19:45:00Z"))),
                        row(4, "DDD", Timestamp.from(Instant.parse("2024-05-10T19:00:00Z")))),
                "15Min");

        assertThat(plan.requests())
                .extracting(r -> r.symbolsParam() + " " + r.start() + " " + r.end())
                .containsExactly(
                        "BBB,AAA 2024-04-30T20:00:00Z 2024-05-10T19:45:00Z",
                        "CCC,DDD 2024-05-09T19:45:00Z 2024-05-10T19:45:00Z");
        assertThat(plan.upToDate()).isEmpty();
    }

    @Test
    void aSymbolStoredUpToTheEndIsUpToDateAndNotRequested() {
        Plan plan = planner.plan(List.of(row(1, "AAA", Timestamp.from(Instant.parse("2024-05-10T19:45:00Z")))), "1Day");

        assertThat(plan.requests()).isEmpty();
        assertThat(plan.upToDate()).extracting(UniverseSymbol::symbol).containsExactly("AAA");
    }

    @Test
    void oddSymbolsAreUrlEncoded() {
        Plan plan = planner.plan(List.of(row(1, "BRK.B", null), row(2, "A B;/\u00e9'", null)), "1Day");

        assertThat(plan.requests().get(0).symbolsParam()).isEqualTo("A+B%3B%2F%C3%A9%27,BRK.B");
    }

    @Test
    void naiveTimestampsAreUtc() {
        assertThat(RequestPlanner.toInstant(LocalDateTime.parse("2024-01-02T14:30:00")))
                .isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
    }

    @Test
    void aUniverseQueryWithoutItsColumnsNamesTheSetting() {
        assertThatThrownBy(() -> planner.plan(List.of(Map.of("id", 1, "ticker", "AAA")), "1Day"))
                .hasMessageContaining("barfeed.universe.query must return the columns stock_id (a number) and symbol");
    }

    @Test
    void aPointInTimeThatIsNoneOfItsFormsSaysWhichFormsItTakes() {
        assertThatThrownBy(() -> new PointInTime("sixty days"))
                .hasMessage("'sixty days' is neither a date (2024-01-02), an instant (2024-01-02T00:00:00Z)"
                        + " nor a period (P60D)");
    }

    private static Map<String, Object> row(int stockId, String symbol, Object since) {
        Map<String, Object> row = new HashMap<>();
        row.put("stock_id", stockId);
        row.put("symbol", symbol);
        row.put("since", since);
        return row;
    }
}
