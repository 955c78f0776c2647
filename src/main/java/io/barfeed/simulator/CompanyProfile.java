package io.barfeed.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A made-up company behind a simulated symbol, the same every time it is asked: what the simulator's reference
 * endpoints (Alpha Vantage's OVERVIEW, Massive's ticker details) answer.
 */
record CompanyProfile(
        String symbol,
        String name,
        String exchange,
        String sector,
        long sharesOutstanding,
        BigDecimal marketCap,
        BigDecimal peRatio,
        BigDecimal beta,
        LocalDate listed,
        boolean paysDividend) {

    private static final String[] SECTORS = {"TECHNOLOGY", "HEALTHCARE", "FINANCIAL SERVICES", "ENERGY", "INDUSTRIALS"};

    static CompanyProfile of(String symbol) {
        long seed = symbol.hashCode() * 0x9E3779B97F4A7C15L;
        long shares = 50_000_000L + Math.floorMod(seed, 5_000_000_000L);
        BigDecimal price = SimulatedMarket.bar(symbol, java.time.Instant.parse("2024-01-02T15:00:00Z"))
                .c();
        return new CompanyProfile(
                symbol,
                symbol + " Holdings Inc",
                Math.floorMod(seed >>> 7, 2) == 0 ? "NASDAQ" : "NYSE",
                SECTORS[(int) Math.floorMod(seed >>> 11, SECTORS.length)],
                shares,
                price.multiply(BigDecimal.valueOf(shares)).setScale(0, RoundingMode.HALF_UP),
                BigDecimal.valueOf(8 + Math.floorMod(seed >>> 17, 400), 1),
                BigDecimal.valueOf(40 + Math.floorMod(seed >>> 23, 160), 2),
                LocalDate.of(1980, 1, 2).plusDays(Math.floorMod(seed >>> 29, 14_000)),
                Math.floorMod(seed >>> 31, 3) != 0);
    }
}
