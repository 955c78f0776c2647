package io.barfeed.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.barfeed.fetch.BarsPage;
import io.barfeed.fetch.JsonBarsReader;
import io.barfeed.fetch.PageCursor;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * How fast the page reader turns pages into rows, at the scale of a real run's pages (Alpaca's 10,000 bars of 50
 * symbols, Massive's 50,000 bars of one ticker), in process: nanoseconds per bar, median of rounds after a warm-up.
 * Not a test (nothing is asserted): run it before and after a change to the reader, on a quiet machine.
 * {@code java -cp target/test-classes:target/classes:<test classpath> io.barfeed.bench.ReaderSpeed}
 */
public final class ReaderSpeed {

    private ReaderSpeed() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<UniverseSymbol> symbols = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            symbols.add(new UniverseSymbol(i + 1, String.format(Locale.ROOT, "S%02d", i), null));
        }
        Instant start = Instant.parse("2024-01-02T00:00:00Z");
        PlannedRequest many = new PlannedRequest("1Min", symbols, start, start.plusSeconds(86_400 * 30));
        PlannedRequest one = new PlannedRequest("1Min", symbols.subList(0, 1), start, start.plusSeconds(86_400 * 90));
        byte[] alpaca = alpacaPage(symbols, 200);
        byte[] massive = massivePage(50_000);
        measure("alpaca 10,000 bars of 50 symbols", alpacaReader(), many, alpaca, 10_000, rounds);
        measure("massive 50,000 bars of one ticker", massiveReader(), one, massive, 50_000, rounds);
    }

    static void measure(String what, JsonBarsReader reader, PlannedRequest request, byte[] page, int bars, int rounds)
            throws Exception {
        PageCursor cursor = PageCursor.first(request);
        long[] nanos = new long[rounds];
        for (int warm = 0; warm < 20; warm++) {
            reader.read(new ByteArrayInputStream(page), cursor);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            int repeat = 10;
            for (int i = 0; i < repeat; i++) {
                BarsPage read = reader.read(new ByteArrayInputStream(page), cursor);
                if (read.rows().size() != bars) {
                    throw new IllegalStateException(what + ": " + read.rows().size() + " rows, " + read.rejected());
                }
            }
            nanos[r] = (System.nanoTime() - t0) / repeat;
        }
        java.util.Arrays.sort(nanos);
        long median = nanos[rounds / 2];
        System.out.printf(
                Locale.ROOT,
                "%s: %.2f ms a page, %.0f ns a bar (median of %d; min %.2f, max %.2f ms)%n",
                what,
                median / 1e6,
                median / (double) bars,
                rounds,
                nanos[0] / 1e6,
                nanos[rounds - 1] / 1e6);
    }

    static JsonBarsReader alpacaReader() {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars("bars");
        reader.setNext("next_page_token");
        return reader;
    }

    static JsonBarsReader massiveReader() {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars("results");
        reader.setBarsRequired(false);
        reader.setSymbol("ticker");
        reader.setNext("next_url");
        reader.setTimeFormat("epoch-millis");
        return reader;
    }

    static byte[] alpacaPage(List<UniverseSymbol> symbols, int perSymbol) {
        StringBuilder page = new StringBuilder("{\"bars\":{");
        long t0 = Instant.parse("2024-01-02T14:30:00Z").getEpochSecond();
        for (int s = 0; s < symbols.size(); s++) {
            page.append(s == 0 ? "" : ",")
                    .append('"')
                    .append(symbols.get(s).symbol())
                    .append("\":[");
            for (int b = 0; b < perSymbol; b++) {
                double o = 100 + s + b * 0.01;
                page.append(b == 0 ? "" : ",")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"c\":%.2f,\"h\":%.2f,\"l\":%.2f,\"n\":%d,\"o\":%.2f,"
                                        + "\"t\":\"%s\",\"v\":%d,\"vw\":%.6f}",
                                o + 0.05,
                                o + 0.1,
                                o - 0.1,
                                100 + b,
                                o,
                                Instant.ofEpochSecond(t0 + b * 60L),
                                5000 + b,
                                o + 0.02));
            }
            page.append(']');
        }
        return page.append("},\"next_page_token\":\"U1pafE18MjAyNC0wMS0wMlQxNDozMDowMFo=\"}")
                .toString()
                .getBytes(UTF_8);
    }

    static byte[] massivePage(int bars) {
        StringBuilder page = new StringBuilder("{\"ticker\":\"S00\",\"queryCount\":1,\"results\":[");
        long t0 = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
        for (int b = 0; b < bars; b++) {
            double o = 100 + b * 0.001;
            page.append(b == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"v\":%d,\"vw\":%.4f,\"o\":%.3f,\"c\":%.3f,\"h\":%.3f,\"l\":%.3f,\"t\":%d,\"n\":%d}",
                            5000 + b,
                            o + 0.02,
                            o,
                            o + 0.05,
                            o + 0.1,
                            o - 0.1,
                            t0 + b * 60_000L,
                            100 + b % 50));
        }
        return page.append("],\"status\":\"OK\",\"next_url\":\"https://api.massive.com/v2/aggs?cursor=x\"}")
                .toString()
                .getBytes(UTF_8);
    }
}
