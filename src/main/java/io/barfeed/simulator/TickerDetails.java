package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Massive's {@code GET /v3/reference/tickers/{ticker}}: {@code {"results": {...}, "status": "OK"}}, the address a
 * nested object, numbers as JSON numbers; 404 {@code NOT_FOUND} for a ticker it does not know.
 */
final class TickerDetails implements PageServer {

    static final String PREFIX = "/v3/reference/tickers/";

    private final SimulatedMarket market;
    private final JsonFactory json = new JsonFactory();

    TickerDetails(SimulatedMarket market) {
        this.market = market;
    }

    @Override
    public void page(HttpExchange http, boolean cutShort) throws IOException {
        String ticker =
                URLDecoder.decode(http.getRequestURI().getRawPath().substring(PREFIX.length()), StandardCharsets.UTF_8);
        if (!market.lists(ticker)) {
            JsonReply.send(
                    http,
                    404,
                    JsonReply.object("status", "NOT_FOUND", "request_id", "simulated", "message", "Ticker not found."));
            return;
        }
        CompanyProfile p = CompanyProfile.of(ticker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("request_id", "simulated");
            g.writeObjectPropertyStart("results");
            g.writeStringProperty("ticker", ticker);
            g.writeStringProperty("name", p.name());
            g.writeStringProperty("market", "stocks");
            g.writeStringProperty("locale", "us");
            g.writeStringProperty("primary_exchange", p.exchange().equals("NYSE") ? "XNYS" : "XNAS");
            g.writeStringProperty("type", "CS");
            g.writeBooleanProperty("active", true);
            g.writeStringProperty("currency_name", "usd");
            g.writeNumberProperty("market_cap", p.marketCap());
            g.writeObjectPropertyStart("address");
            g.writeStringProperty("address1", "1 Simulated Way");
            g.writeStringProperty("city", "SPRINGFIELD");
            g.writeStringProperty("state", "IL");
            g.writeEndObject();
            g.writeStringProperty("sic_description", p.sector());
            g.writeNumberProperty("total_employees", 1000 + Math.floorMod(ticker.hashCode(), 90_000));
            g.writeStringProperty("list_date", p.listed().toString());
            g.writeNumberProperty("share_class_shares_outstanding", p.sharesOutstanding());
            g.writeEndObject();
            g.writeStringProperty("status", "OK");
            g.writeEndObject();
        }
        byte[] body = out.toByteArray();
        JsonReply.send(http, 200, cutShort ? java.util.Arrays.copyOf(body, Math.min(body.length, 200)) : body);
    }

    @Override
    public void error(HttpExchange http, int status, String message) throws IOException {
        JsonReply.send(http, status, JsonReply.object("status", "ERROR", "request_id", "simulated", "error", message));
    }

    @Override
    public boolean reportsQuota() {
        return false;
    }
}
