package io.barfeed.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * {@code barfeed.fetch.timeframes}: the bar timeframes a run loads, each once, in the order given. A bean because a
 * YAML list is not one placeholder a route can read.
 */
@Component("timeframes")
public class Timeframes {

    private final List<String> list;

    public Timeframes(BarfeedProperties settings) {
        this.list = settings.fetch().timeframes().stream()
                .map(String::trim)
                .distinct()
                .toList();
    }

    /** The first configured timeframe, for queries that need one of them (the universe query's :#timeframe). */
    public String first() {
        return list.get(0);
    }

    /** The configured timeframes, in order. */
    public List<String> list() {
        return list;
    }
}
