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
 * The built-in stand-in for the market-data APIs barfeed knows, serving one simulated market on loopback only:
 * Alpaca's {@code GET /v2/stocks/bars} ({@link AlpacaBars}) and {@code GET /v1/corporate-actions}
 * ({@link CorporateActionsEndpoint}), Massive's {@code GET /v2/aggs/ticker/...} ({@link MassiveAggregates}) and
 * {@code GET /v3/reference/tickers/...} ({@link TickerDetails}), Alpha Vantage's {@code GET /query}
 * ({@link AlphaVantageQuery}). The endpoints of bars and reference data share the latency, the quota window and the
 * faults ({@link ApiEndpoint}).
 */
public final class ApiSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSimulator.class);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstRequestAt = new AtomicLong();
    private final Faults faults;
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong refusedForQuota = new AtomicLong();
    private final RenderedPages<BarsQuery> alpacaPages;
    private final RenderedPages<AggregatesQuery> massivePages;

    static {
        // The JDK's HTTP server writes a reply's headers, body and last chunk apart and, unless told, leaves Nagle's
        // algorithm on: each reply then waits for the client's delayed acknowledgement (tens of ms), which a real
        // API does not make barfeed wait (measured: the Massive demo's 212 requests, 2.5 s at 0 ms latency, 1.3 s
        // with this). Read once, when the server's configuration class loads; an explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public ApiSimulator(SimulatedMarket market, int port, Duration latency, int rateLimitPerMinute) throws IOException {
        this(market, port, latency, rateLimitPerMinute, Duration.ofMinutes(1), Faults.none());
    }

    /** {@code rateLimit} requests per {@code rateWindow}, the APIs together: Alpaca's window is a minute. */
    public ApiSimulator(
            SimulatedMarket market, int port, Duration latency, int rateLimit, Duration rateWindow, Faults faults)
            throws IOException {
        this.faults = faults;
        this.alpacaPages = new RenderedPages<>(new BarsPages(market)::write, rendered);
        this.massivePages = new RenderedPages<>(new AggregatesPages(market)::write, rendered);
        QuotaWindow quota = new QuotaWindow(rateLimit, rateWindow);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        this.workers = Executors.newFixedThreadPool(256, r -> {
            Thread t = new Thread(r, "api-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext(
                "/v2/stocks/bars",
                counted(new ApiEndpoint(latency, quota, faults, new AlpacaBars(alpacaPages), refusedForQuota)));
        server.createContext(
                AggregatesQuery.PREFIX,
                counted(new ApiEndpoint(latency, quota, faults, new MassiveAggregates(massivePages), refusedForQuota)));
        server.createContext("/v1/corporate-actions", counted(new CorporateActionsEndpoint()));
        // Alpha Vantage's intraday bars and company overviews; Massive's ticker details (reference data).
        server.createContext(
                "/query",
                counted(new ApiEndpoint(latency, quota, faults, new AlphaVantageQuery(market), refusedForQuota)));
        server.createContext(
                TickerDetails.PREFIX,
                counted(new ApiEndpoint(latency, quota, faults, new TickerDetails(market), refusedForQuota)));
        server.start();
        LOG.debug(
                "Market-data simulator serving {} (latency {} ms, {} requests per {})",
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
        alpacaPages.keep();
        massivePages.keep();
    }

    /** Pages rendered (not served from memory) since start. */
    public long pagesRendered() {
        return rendered.get();
    }

    /** Faulty answers served so far, by kind. */
    public Map<Faults.Kind, Long> faultsServed() {
        return faults.served();
    }

    /** Requests refused with 429 because the quota of their window was used up (injected 429s not counted). */
    public long refusedForQuota() {
        return refusedForQuota.get();
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

    /** When the first request since {@link #resetFirstRequest()} arrived, in epoch milliseconds; 0: none yet. */
    public long firstRequestAt() {
        return firstRequestAt.get();
    }

    /** Forgets the first request's time: the benchmark times each run's first request. */
    public void resetFirstRequest() {
        firstRequestAt.set(0);
    }

    private HttpHandler counted(HttpHandler endpoint) {
        return http -> {
            requests.incrementAndGet();
            firstRequestAt.compareAndSet(0, System.currentTimeMillis());
            endpoint.handle(http);
        };
    }
}
