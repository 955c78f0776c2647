package io.barfeed.fetch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.barfeed.settings.BarfeedProperties;

/**
 * One bar ready to store: the named parameters of {@code barfeed.store.insert} as a read-only map.
 * A run builds hundreds of thousands of these, so a bar keeps its time as epoch seconds and its prices
 * as the decimal text the API sent (exact, and what COPY writes as is); the insert path gets
 * {@link BigDecimal}s and an {@link OffsetDateTime} made on demand by {@link #field(int)}.
 */
public final class BarRow extends AbstractMap<String, Object> {

    /** The fields by name, in the order of {@link #field(int)}. */
    public static final List<String> FIELDS = List.of(BarfeedProperties.BAR_FIELDS.split("\\|"));

    public static final int TS = 2;

    private final String symbol;
    private final String timeframe;
    private final long epochSecond;
    private final int nano;
    private final Object stockId;
    private final String open;
    private final String high;
    private final String low;
    private final String close;
    private final long volume;
    private final boolean noVolume;
    private final Long tradeCount;
    private final String vwap;

    /** Prices and vwap as decimal text (JSON number syntax); tradeCount and vwap may be null. */
    public BarRow(
            String symbol,
            String timeframe,
            Instant ts,
            Object stockId,
            String open,
            String high,
            String low,
            String close,
            long volume,
            Long tradeCount,
            String vwap) {
        this(symbol, timeframe, ts, stockId, open, high, low, close, volume, false, tradeCount, vwap);
    }

    /** As above; {@code noVolume} for a provider that leaves the volume out (stored as null). */
    BarRow(
            String symbol,
            String timeframe,
            Instant ts,
            Object stockId,
            String open,
            String high,
            String low,
            String close,
            long volume,
            boolean noVolume,
            Long tradeCount,
            String vwap) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.epochSecond = ts.getEpochSecond();
        this.nano = ts.getNano();
        this.stockId = stockId;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.noVolume = noVolume;
        this.tradeCount = tradeCount;
        this.vwap = vwap;
    }

    /** The field at {@code index} of {@link #FIELDS}, as the insert binds it. */
    public Object field(int index) {
        return switch (index) {
            case 0 -> symbol;
            case 1 -> timeframe;
            case TS -> ts();
            case 3 -> stockId;
            case 4, 5, 6, 7, 10 -> decimal(index);
            case 8 -> noVolume ? null : volume;
            case 9 -> tradeCount;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    /** The decimal text of a price or vwap field as sent, or null. */
    public String decimalText(int index) {
        return switch (index) {
            case 4 -> open;
            case 5 -> high;
            case 6 -> low;
            case 7 -> close;
            case 10 -> vwap;
            default -> null;
        };
    }

    private BigDecimal decimal(int index) {
        String text = decimalText(index);
        return text == null ? null : new BigDecimal(text);
    }

    public String symbol() {
        return symbol;
    }

    public long epochSecond() {
        return epochSecond;
    }

    public int nano() {
        return nano;
    }

    public OffsetDateTime ts() {
        return Instant.ofEpochSecond(epochSecond, nano).atOffset(ZoneOffset.UTC);
    }

    /** Same symbol and same time. */
    boolean sameBarAs(BarRow other) {
        return epochSecond == other.epochSecond && nano == other.nano && symbol.equals(other.symbol);
    }

    @Override
    public Object get(Object name) {
        int index = FIELDS.indexOf(name);
        return index < 0 ? null : field(index);
    }

    @Override
    public boolean containsKey(Object name) {
        return FIELDS.contains(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            entries.add(new SimpleImmutableEntry<>(FIELDS.get(i), field(i)));
        }
        return entries;
    }
}
