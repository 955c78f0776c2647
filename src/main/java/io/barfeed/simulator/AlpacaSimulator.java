package io.barfeed.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The built-in stand-in for Alpaca's market-data API, serving loopback only: {@code GET /v2/stocks/bars}
 * ({@link BarsEndpoint}) and {@code GET /v1/corporate-actions} ({@link CorporateActionsEndpoint}).
 */
public final class AlpacaSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSimulator.class);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong requests = new AtomicLong();
    private final Faults faults;
    private final BarsPages pages;
    private final KeptPages keptPages;
    private final BarsEndpoint bars;

    public AlpacaSimulator(SimulatedMarket market, int port, Duration latency, int rateLimitPerMinute)
            throws IOException {
        this(market, port, latency, rateLimitPerMinute, Duration.ofMinutes(1), Faults.none());
    }

    /** {@code rateLimit} requests per {@code rateWindow}: Alpaca's window is a minute; tests shorten it. */
    public AlpacaSimulator(
            SimulatedMarket market, int port, Duration latency, int rateLimit, Duration rateWindow, Faults faults)
            throws IOException {
        this.faults = faults;
        this.pages = new BarsPages(market);
        this.keptPages = new KeptPages(pages);
        this.bars = new BarsEndpoint(latency, new QuotaWindow(rateLimit, rateWindow), faults, pages, keptPages);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.workers = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "alpaca-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/v2/stocks/bars", counted(bars));
        server.createContext("/v1/corporate-actions", counted(new CorporateActionsEndpoint()));
        server.start();
        LOG.debug(
                "Alpaca v2 simulator serving {} (latency {} ms, {} requests per {})",
                baseUrl(),
                latency.toMillis(),
                rateLimit,
                rateWindow);
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /**
     * Keep every page rendered and serve it again from memory: a remote API costs this machine no
     * CPU, so the benchmark renders its pages before the clock starts and barfeed's run is measured
     * without the simulator's work beside it.
     */
    public void keepRenderedPages() {
        keptPages.keep();
    }

    /** Pages rendered (not served from memory) since start. */
    public long pagesRendered() {
        return pages.rendered();
    }

    /** Faulty answers served so far, by kind. */
    public Map<Faults.Kind, Long> faultsServed() {
        return faults.served();
    }

    /** Requests refused with 429 because the quota of their window was used up (injected 429s not counted). */
    public long refusedForQuota() {
        return bars.refusedForQuota();
    }

    /** Requests served since start, refused ones included. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private HttpHandler counted(HttpHandler endpoint) {
        return http -> {
            requests.incrementAndGet();
            endpoint.handle(http);
        };
    }
}
