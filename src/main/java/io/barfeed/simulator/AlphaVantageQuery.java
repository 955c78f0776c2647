package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import io.barfeed.simulator.SimulatedMarket.Bar;
import io.barfeed.simulator.SimulatedMarket.Frame;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Alpha Vantage's {@code GET /query}: {@code TIME_SERIES_INTRADAY} for one symbol's calendar month (bars keyed by
 * New York time, newest first, numbers as strings) and {@code OVERVIEW} (one flat object of strings, "None" where
 * a value is missing, {} for a symbol it does not know). Like the real one, everything is a 200: an error is an
 * {@code Error Message}, a refused quota a {@code Note}. No rate-limit headers.
 */
final class AlphaVantageQuery implements PageServer {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final List<String> INTERVALS = List.of("1min", "5min", "15min", "30min", "60min");

    private final SimulatedMarket market;
    private final JsonFactory json = new JsonFactory();

    AlphaVantageQuery(SimulatedMarket market) {
        this.market = market;
    }

    @Override
    public void page(HttpExchange http, boolean cutShort) throws IOException {
        Map<String, String> params = QueryParams.parse(http.getRequestURI().getRawQuery());
        String symbol = params.getOrDefault("symbol", "");
        byte[] body;
        try {
            body = switch (params.getOrDefault("function", "")) {
                case "TIME_SERIES_INTRADAY" -> intraday(symbol, params);
                case "OVERVIEW" -> overview(symbol);
                default -> throw new IllegalArgumentException("function");
            };
        } catch (IllegalArgumentException e) {
            body = invalid(params.getOrDefault("function", ""));
        }
        JsonReply.send(http, 200, cutShort ? java.util.Arrays.copyOf(body, Math.min(body.length, 200)) : body);
    }

    private byte[] intraday(String symbol, Map<String, String> params) throws IOException {
        String interval = params.getOrDefault("interval", "");
        if (!INTERVALS.contains(interval) || !market.lists(symbol) || !params.containsKey("month")) {
            throw new IllegalArgumentException(interval);
        }
        Frame frame = new Frame(Integer.parseInt(interval.replace("min", "")), ChronoUnit.MINUTES);
        YearMonth month = YearMonth.parse(params.get("month"));
        Instant from = month.atDay(1).atStartOfDay(SimulatedMarket.NEW_YORK).toInstant();
        Instant to = month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(SimulatedMarket.NEW_YORK)
                .toInstant()
                .minusSeconds(1);
        List<Bar> bars = market.bars(symbol, frame, from, to, Integer.MAX_VALUE);
        boolean adjusted = !"false".equals(params.get("adjusted"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeObjectPropertyStart("Meta Data");
            g.writeStringProperty(
                    "1. Information", "Intraday (" + interval + ") open, high, low, close prices and volume");
            g.writeStringProperty("2. Symbol", symbol);
            g.writeStringProperty("4. Interval", interval);
            g.writeStringProperty("5. Output Size", "Full size");
            g.writeStringProperty("6. Time Zone", "US/Eastern");
            g.writeEndObject();
            g.writeObjectPropertyStart("Time Series (" + interval + ")");
            for (int i = bars.size() - 1; i >= 0; i--) {
                Bar bar = adjusted ? Split.adjusted(symbol, bars.get(i)) : bars.get(i);
                g.writeObjectPropertyStart(LOCAL.format(LocalDateTime.ofInstant(bar.t(), SimulatedMarket.NEW_YORK)));
                g.writeStringProperty("1. open", bar.o().setScale(4).toPlainString());
                g.writeStringProperty("2. high", bar.h().setScale(4).toPlainString());
                g.writeStringProperty("3. low", bar.l().setScale(4).toPlainString());
                g.writeStringProperty("4. close", bar.c().setScale(4).toPlainString());
                g.writeStringProperty("5. volume", Long.toString(bar.v()));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private byte[] overview(String symbol) {
        if (!market.lists(symbol)) {
            return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        CompanyProfile p = CompanyProfile.of(symbol);
        return JsonReply.object(
                "Symbol",
                symbol,
                "AssetType",
                "Common Stock",
                "Name",
                p.name(),
                "Description",
                "A company the simulator made up for " + symbol + ".",
                "CIK",
                Long.toString(Math.abs(symbol.hashCode()) % 2_000_000),
                "Exchange",
                p.exchange(),
                "Currency",
                "USD",
                "Country",
                "USA",
                "Sector",
                p.sector(),
                "Industry",
                "SIMULATED " + p.sector(),
                "FiscalYearEnd",
                "December",
                "LatestQuarter",
                "2024-03-31",
                "MarketCapitalization",
                p.marketCap().toPlainString(),
                "EBITDA",
                "None",
                "PERatio",
                p.peRatio().toPlainString(),
                "PEGRatio",
                "-",
                "BookValue",
                "12.34",
                "DividendPerShare",
                p.paysDividend() ? "0.96" : "None",
                "DividendYield",
                p.paysDividend() ? "0.0123" : "0",
                "EPS",
                "3.21",
                "ProfitMargin",
                "0.112",
                "Beta",
                p.beta().toPlainString(),
                "52WeekHigh",
                "199.62",
                "52WeekLow",
                "124.17",
                "SharesOutstanding",
                Long.toString(p.sharesOutstanding()),
                "DividendDate",
                p.paysDividend() ? "2024-05-16" : "None",
                "ExDividendDate",
                p.paysDividend() ? "2024-05-10" : "None");
    }

    private static byte[] invalid(String function) {
        return JsonReply.object(
                "Error Message",
                "Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/)"
                        + " for " + function + ".");
    }

    @Override
    public void error(HttpExchange http, int status, String message) throws IOException {
        // Alpha Vantage refuses with a 200: a Note for the quota, an Information or Error Message otherwise.
        JsonReply.send(
                http,
                status == 429 ? 200 : status,
                JsonReply.object(
                        status == 429 ? "Note" : "Information",
                        status == 429
                                ? "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per"
                                        + " minute."
                                : message));
    }

    @Override
    public boolean reportsQuota() {
        return false;
    }
}
