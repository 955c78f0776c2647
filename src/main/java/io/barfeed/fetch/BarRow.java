package io.barfeed.fetch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One bar ready to store: the named parameters of {@code barfeed.store.insert} as a read-only map.
 * Fields instead of a HashMap per bar: a run builds hundreds of thousands of them, and both store
 * paths read them by position ({@link #field(int)}) rather than by name.
 */
public final class BarRow extends AbstractMap<String, Object> {

    /** The fields by name, in the order of {@link #field(int)}. */
    public static final List<String> FIELDS = List.of("symbol", "timeframe", "ts", "stock_id", "open", "high", "low",
            "close", "volume", "trade_count", "vwap");

    private final String symbol;
    private final String timeframe;
    private final OffsetDateTime ts;
    private final Object stockId;
    private final BigDecimal open;
    private final BigDecimal high;
    private final BigDecimal low;
    private final BigDecimal close;
    private final Long volume;
    private final Long tradeCount;
    private final BigDecimal vwap;

    public BarRow(String symbol, String timeframe, OffsetDateTime ts, Object stockId, BigDecimal open, BigDecimal high,
                  BigDecimal low, BigDecimal close, Long volume, Long tradeCount, BigDecimal vwap) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.ts = ts;
        this.stockId = stockId;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.tradeCount = tradeCount;
        this.vwap = vwap;
    }

    /** The field at {@code index} of {@link #FIELDS}. */
    public Object field(int index) {
        return switch (index) {
            case 0 -> symbol;
            case 1 -> timeframe;
            case 2 -> ts;
            case 3 -> stockId;
            case 4 -> open;
            case 5 -> high;
            case 6 -> low;
            case 7 -> close;
            case 8 -> volume;
            case 9 -> tradeCount;
            case 10 -> vwap;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    public String symbol() {
        return symbol;
    }

    public OffsetDateTime ts() {
        return ts;
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
        List<Entry<String, Object>> entries = new ArrayList<>(FIELDS.size());
        for (int i = 0; i < FIELDS.size(); i++) {
            entries.add(new SimpleImmutableEntry<>(FIELDS.get(i), field(i)));
        }
        return new LinkedHashSet<>(entries);
    }
}
