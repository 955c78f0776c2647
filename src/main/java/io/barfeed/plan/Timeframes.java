package io.barfeed.plan;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BadSetting;

/**
 * {@code barfeed.fetch.timeframes}: the bar timeframes a run loads, checked at start-up against
 * what Alpaca v2 accepts. A bean because a YAML list is not one placeholder a route can read.
 */
@Component("timeframes")
public class Timeframes {

    static final String KEY = "barfeed.fetch.timeframes";
    private static final Pattern VALID = Pattern.compile(
            "([1-9]|[1-5][0-9])(Min|T)|([1-9]|1[0-9]|2[0-3])(Hour|H)|1(Day|D)|1(Week|W)|(1|2|3|4|6|12)(Month|M)");

    private final List<String> list;

    public Timeframes(Environment environment) {
        List<String> configured =
                Binder.get(environment).bind(KEY, Bindable.listOf(String.class)).orElse(List.of());
        if (configured.isEmpty()) {
            throw new BadSetting(KEY, "is empty: name at least one timeframe, e.g. [15Min, 1Day]");
        }
        this.list = configured.stream().map(Timeframes::require).distinct().toList();
    }

    /** The configured timeframes, in order. */
    public List<String> list() {
        return list;
    }

    public static String require(String timeframe) {
        String trimmed = timeframe == null ? "" : timeframe.trim();
        if (!VALID.matcher(trimmed).matches()) {
            throw new BadSetting(
                    KEY,
                    "unknown timeframe '" + timeframe
                            + "' (Alpaca v2 takes 1Min..59Min, 1Hour..23Hour, 1Day, 1Week, 1Month, 2Month, 3Month, 4Month, 6Month, 12Month)");
        }
        return trimmed;
    }
}
