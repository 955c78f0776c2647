package io.barfeed;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Daily bars around NVDA's 10-for-1 split of 2024-06-10 (the split the simulator knows of), as comparable text. */
final class SplitBars {

    static final String START = "2024-06-03";
    static final String UNTIL = "2024-06-14T21:00:00Z";

    private SplitBars() {}

    /** The simulator's answer for one symbol's daily bars of the window, raw or split-adjusted. */
    static List<String> fromApi(String baseUrl, String symbol, String adjustment) throws Exception {
        URI uri = URI.create(baseUrl + "/v2/stocks/bars?symbols=" + symbol + "&timeframe=1Day&start=" + START + "&end="
                + UNTIL + "&limit=10000&adjustment=" + adjustment);
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> bars = new ArrayList<>();
        for (JsonNode bar : new ObjectMapper().readTree(body).path("bars").path(symbol)) {
            bars.add(String.join(
                    " ",
                    bar.get("t").asString(),
                    number(bar.get("o").decimalValue()),
                    number(bar.get("h").decimalValue()),
                    number(bar.get("l").decimalValue()),
                    number(bar.get("c").decimalValue()),
                    number(bar.get("v").decimalValue()),
                    number(bar.get("n").decimalValue()),
                    number(bar.get("vw").decimalValue())));
        }
        return bars;
    }

    /** A table's (or view's) daily bars of one symbol, in the same form. */
    static List<String> fromTable(JdbcTemplate jdbc, String table, String symbol) {
        return jdbc.query(
                "SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), open, high, low, close,"
                        + " volume,"
                        + " trade_count, vwap FROM " + table + " WHERE symbol = ? AND timeframe = '1Day' ORDER BY ts",
                (rs, n) -> String.join(
                        " ",
                        rs.getString(1),
                        number(rs.getBigDecimal(2)),
                        number(rs.getBigDecimal(3)),
                        number(rs.getBigDecimal(4)),
                        number(rs.getBigDecimal(5)),
                        number(rs.getBigDecimal(6)),
                        number(rs.getBigDecimal(7)),
                        number(rs.getBigDecimal(8))),
                symbol);
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
