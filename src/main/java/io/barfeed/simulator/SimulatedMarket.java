package io.barfeed.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic market: the same symbol, timeframe and time always give the same bar, whatever
 * range or page asked for it. Intraday bars fill the regular session (09:30 to 16:00 New York) on
 * weekdays, or every minute of every day around the clock (the live stream's demo at any hour); daily, weekly and
 * monthly bars are stamped at New York midnight, as Alpaca does.
 */
public final class SimulatedMarket {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final Pattern TIMEFRAME = Pattern.compile("(\\d+)(Min|T|Hour|H|Day|D|Week|W|Month|M)");

    private final Set<String> unknownSymbols;
    private final boolean aroundTheClock;

    public SimulatedMarket(Set<String> unknownSymbols) {
        this(unknownSymbols, false);
    }

    /** {@code aroundTheClock}: intraday bars every minute of every day, not only in the session on weekdays. */
    public SimulatedMarket(Set<String> unknownSymbols, boolean aroundTheClock) {
        this.unknownSymbols = Set.copyOf(unknownSymbols);
        this.aroundTheClock = aroundTheClock;
    }

    /** Whether {@code minute} (a minute's start) has intraday bars: in the session, or any minute around the clock. */
    public boolean trades(Instant minute) {
        if (aroundTheClock) {
            return true;
        }
        ZonedDateTime at = minute.atZone(NEW_YORK);
        LocalTime time = at.toLocalTime();
        return isWeekday(at.toLocalDate()) && !time.isBefore(OPEN) && time.isBefore(CLOSE);
    }

    /** One simulated bar. */
    public record Bar(
            Instant t, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, long v, long n, BigDecimal vw) {}

    /** How bar times step for a timeframe. */
    public record Frame(int amount, ChronoUnit unit) {

        public static Frame parse(String timeframe) {
            Matcher m = TIMEFRAME.matcher(timeframe == null ? "" : timeframe);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid timeframe: " + timeframe);
            }
            int amount = Integer.parseInt(m.group(1));
            ChronoUnit unit = switch (m.group(2)) {
                case "Min", "T" -> ChronoUnit.MINUTES;
                case "Hour", "H" -> ChronoUnit.HOURS;
                case "Day", "D" -> ChronoUnit.DAYS;
                case "Week", "W" -> ChronoUnit.WEEKS;
                default -> ChronoUnit.MONTHS;
            };
            if (amount < 1) {
                throw new IllegalArgumentException("invalid timeframe: " + timeframe);
            }
            return new Frame(amount, unit);
        }

        boolean intraday() {
            return unit == ChronoUnit.MINUTES || unit == ChronoUnit.HOURS;
        }

        long minutes() {
            return unit == ChronoUnit.HOURS ? amount * 60L : amount;
        }
    }

    public boolean lists(String symbol) {
        return !unknownSymbols.contains(symbol);
    }

    /** The first bar time at or after {@code t}, or null when the symbol has none. */
    public Instant firstAtOrAfter(String symbol, Frame frame, Instant t) {
        if (!lists(symbol)) {
            return null;
        }
        ZonedDateTime at = t.atZone(NEW_YORK);
        if (frame.intraday()) {
            return firstSlot(frame, at).toInstant();
        }
        ZonedDateTime candidate = switch (frame.unit()) {
            case WEEKS ->
                at.toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .atStartOfDay(NEW_YORK);
            case MONTHS -> at.toLocalDate().withDayOfMonth(1).atStartOfDay(NEW_YORK);
            default -> at.toLocalDate().atStartOfDay(NEW_YORK);
        };
        while (candidate.isBefore(at) || !isBarDay(frame, candidate.toLocalDate())) {
            candidate = nextPeriod(frame, candidate);
        }
        return candidate.toInstant();
    }

    /** Bars of one symbol from {@code from} to {@code end} inclusive, at most {@code max}. */
    public List<Bar> bars(String symbol, Frame frame, Instant from, Instant end, int max) {
        List<Bar> bars = new ArrayList<>();
        Instant t = firstAtOrAfter(symbol, frame, from);
        while (t != null && !t.isAfter(end) && bars.size() < max) {
            if (frame.intraday()) {
                // Step through the session in plain seconds; time zones only at the session's edges.
                long close = closeOf(t.atZone(NEW_YORK).toLocalDate()).toEpochSecond();
                long step = frame.minutes() * 60;
                long second = t.getEpochSecond();
                while (second < close && second <= end.getEpochSecond() && bars.size() < max) {
                    bars.add(bar(symbol, Instant.ofEpochSecond(second)));
                    second += step;
                }
                t = firstAtOrAfter(symbol, frame, Instant.ofEpochSecond(second));
            } else {
                bars.add(bar(symbol, t));
                t = firstAtOrAfter(symbol, frame, t.plusSeconds(1));
            }
        }
        return bars;
    }

    private ZonedDateTime openOf(LocalDate day) {
        return aroundTheClock ? day.atStartOfDay(NEW_YORK) : day.atTime(OPEN).atZone(NEW_YORK);
    }

    private ZonedDateTime closeOf(LocalDate day) {
        return aroundTheClock
                ? day.plusDays(1).atStartOfDay(NEW_YORK)
                : day.atTime(CLOSE).atZone(NEW_YORK);
    }

    private ZonedDateTime firstSlot(Frame frame, ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        while (true) {
            if (aroundTheClock || isWeekday(day)) {
                ZonedDateTime open = openOf(day);
                ZonedDateTime close = closeOf(day);
                if (!at.isAfter(open)) {
                    return open;
                }
                long elapsed = Duration.between(open, at).toSeconds();
                long step = frame.minutes() * 60;
                ZonedDateTime slot = open.plusSeconds(((elapsed + step - 1) / step) * step);
                if (slot.isBefore(close)) {
                    return slot;
                }
            }
            day = day.plusDays(1);
            at = day.atStartOfDay(NEW_YORK);
        }
    }

    private static boolean isBarDay(Frame frame, LocalDate day) {
        return frame.unit() != ChronoUnit.DAYS || isWeekday(day);
    }

    private static ZonedDateTime nextPeriod(Frame frame, ZonedDateTime at) {
        return switch (frame.unit()) {
            case WEEKS -> at.plusWeeks(frame.amount());
            case MONTHS -> at.plusMonths(frame.amount());
            default -> at.plusDays(1);
        };
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The raw bar of {@code symbol} at {@code t}: before a split it trades at the pre-split price and volume. */
    public static Bar bar(String symbol, Instant t) {
        Bar bar = continuous(symbol, t);
        for (Split split : Split.KNOWN) {
            if (split.before(symbol, t)) {
                bar = new Bar(
                        t,
                        unsplit(bar.o(), split),
                        unsplit(bar.h(), split),
                        unsplit(bar.l(), split),
                        unsplit(bar.c(), split),
                        Math.max(1, bar.v() * split.oldRate() / split.newRate()),
                        bar.n(),
                        unsplit(bar.vw(), split));
            }
        }
        return bar;
    }

    private static BigDecimal unsplit(BigDecimal price, Split split) {
        return price.multiply(BigDecimal.valueOf(split.newRate()))
                .divide(BigDecimal.valueOf(split.oldRate()), price.scale(), RoundingMode.HALF_UP);
    }

    /** The bar of {@code symbol} at {@code t} on a split-free price scale: a slow wave around a base price, noise. */
    private static Bar continuous(String symbol, Instant t) {
        long seed = mix(symbol.hashCode() * 0x9E3779B97F4A7C15L ^ t.getEpochSecond());
        double base = 20 + Math.floorMod(symbol.hashCode(), 480);
        double mid =
                base * (1 + 0.2 * Math.sin(t.getEpochSecond() / 2_592_000.0 + Math.floorMod(symbol.hashCode(), 7)));
        BigDecimal open = money(mid * (1 + (unit(seed, 1) - 0.5) * 0.01));
        BigDecimal close = money(mid * (1 + (unit(seed, 2) - 0.5) * 0.01));
        BigDecimal high = open.max(close).max(money(open.max(close).doubleValue() * (1 + unit(seed, 3) * 0.005)));
        BigDecimal low = open.min(close).min(money(open.min(close).doubleValue() * (1 - unit(seed, 4) * 0.005)));
        long volume = 100 + (long) (unit(seed, 5) * 100_000);
        long trades = 1 + volume / 50;
        BigDecimal vwap = high.add(low).add(close).divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP);
        return new Bar(t, open, high, low, close, volume, trades, vwap);
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(Math.round(value * 100), 2);
    }

    private static double unit(long seed, int salt) {
        return (mix(seed + salt * 0x632BE59BD9B4E019L) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: a cheap, well-spread hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
