package io.barfeed.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.barfeed.settings.PointInTime;

/** barfeed.PROVIDER.corporate-actions.symbols-per-request cuts the universe into requests of that many symbols. */
class ActionsPlannerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-10T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void symbolsArePackedIntoRequestsOfTheSettingsSize() {
        List<Map<String, Object>> universe = IntStream.range(0, 250)
                .mapToObj(i -> Map.<String, Object>of("symbol", String.format("S%03d", i)))
                .toList();

        assertThat(sizes(planner(100).plan(universe, List.of()))).containsExactly(100, 100, 50);
        assertThat(sizes(planner(120).plan(universe, List.of()))).containsExactly(120, 120, 10);
    }

    private static ActionsPlanner planner(int symbolsPerRequest) {
        return new ActionsPlanner(
                CLOCK, new PointInTime("2024-01-02"), Duration.ofDays(7), List.of("forward_split"), symbolsPerRequest);
    }

    private static List<Integer> sizes(List<ActionsRequest> requests) {
        return requests.stream().map(r -> r.symbols().size()).toList();
    }
}
