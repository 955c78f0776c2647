package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.SimulatedMarket.Frame;

/**
 * The classic profile with barfeed.provider=massive, nothing else changed: the simulator's Massive aggregates go
 * into the untouched classic tables, the stored bar overwritten with the provider's.
 */
@ActiveProfiles("classic")
class ClassicSchemaWithMassiveTest extends AppTest {

    static final String DATABASE = ClassicSchemaTest.classicDatabase();
    static final Instant START = Instant.parse("2024-01-02T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-01-03T21:00:00Z");
    static final DateTimeFormatter DT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.provider", () -> "massive");
        registry.add("barfeed.massive.requests-per-minute", () -> "60000");
        registry.add("barfeed.fetch.backfill-start", () -> START.toString());
        registry.add("barfeed.fetch.until", () -> UNTIL.toString());
    }

    @Test
    void massiveBarsLoadIntoTheClassicTables() {
        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        List<String> stored = jdbc.queryForList("""
                SELECT concat_ws(' ', s.symbol, to_char(p.dt, 'YYYY-MM-DD HH24:MI:SS'), p.open, p.high, p.low, p.close,
                                 p.volume)
                FROM stock_price p JOIN stock s ON s.id = p.stock_id ORDER BY s.symbol, p.dt""", String.class);
        assertThat(stored).containsExactlyElementsOf(market("AAPL", "MSFT"));
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
                        String.class))
                .containsExactly("etf_holding", "stock", "stock_price");
    }

    /** The market's 15-minute bars of the window, as the classic table holds them. */
    private static List<String> market(String... symbols) {
        SimulatedMarket market = new SimulatedMarket(Set.of());
        List<String> rows = new ArrayList<>();
        for (String symbol : symbols) {
            for (SimulatedMarket.Bar b : market.bars(symbol, Frame.parse("15Min"), START, UNTIL, Integer.MAX_VALUE)) {
                rows.add(String.join(
                        " ",
                        symbol,
                        DT.format(b.t()),
                        b.o().toPlainString(),
                        b.h().toPlainString(),
                        b.l().toPlainString(),
                        b.c().toPlainString(),
                        Long.toString(b.v())));
            }
        }
        return rows;
    }
}
