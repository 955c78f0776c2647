package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** WireMock standing in for Alpaca's {@code GET /v2/stocks/bars}, with helpers to write its pages. */
public final class AlpacaStub {

    public static final String PATH = "/v2/stocks/bars";

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public AlpacaStub() {
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public void reset() {
        server.resetAll();
    }

    public void stop() {
        server.stop();
    }

    /** A page answered to requests with this page token (null: the first page). */
    public void page(String pageToken, String json) {
        server.stubFor(request(pageToken)
                .willReturn(okJson(json)
                        .withHeader("X-RateLimit-Limit", "200")
                        .withHeader("X-RateLimit-Remaining", "199")
                        .withHeader("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 60))));
    }

    /** The first page of a request for exactly these symbols (comma-separated, as sent). */
    public static MappingBuilder requestFor(String symbols) {
        return request(null).withQueryParam("symbols", equalTo(symbols));
    }

    public static MappingBuilder request(String pageToken) {
        return get(urlPathEqualTo(PATH))
                .withQueryParam("page_token", pageToken == null ? absent() : equalTo(pageToken));
    }

    /** The JSON of one bar. */
    public static String bar(String t, String o, String h, String l, String c, long v, long n, String vw) {
        return String.format(
                "{\"t\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":%d,\"n\":%d,\"vw\":%s}",
                t, o, h, l, c, v, n, vw);
    }

    /** A page body: symbol to bar JSON, and the next page token (null on the last page). */
    public static String pageJson(Map<String, List<String>> bars, String nextPageToken) {
        String body = bars.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":[" + String.join(",", e.getValue()) + "]")
                .collect(Collectors.joining(","));
        String token = nextPageToken == null ? "null" : "\"" + nextPageToken + "\"";
        return "{\"bars\":{" + body + "},\"next_page_token\":" + token + ",\"currency\":\"USD\"}";
    }

    /** Builds the bars of a page in order. */
    public static final class PageBuilder {
        private final Map<String, List<String>> bars = new LinkedHashMap<>();

        public PageBuilder add(String symbol, String barJson) {
            bars.computeIfAbsent(symbol, s -> new ArrayList<>()).add(barJson);
            return this;
        }

        public String build(String nextPageToken) {
            return pageJson(bars, nextPageToken);
        }
    }
}
