package io.barfeed.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Every {@code barfeed.*} setting, typed and checked when barfeed starts: a bad value stops the start with
 * its key, its value and where it was set. application.yaml holds the same keys with the same defaults, and
 * docs/configuration.md is generated from this Javadoc and those defaults (SettingsDocumentationTest holds the three
 * together: after an edit here, run the command it names). The SQL settings are
 * checked against the database by barfeed.start.DatabaseChecks.
 *
 * @param once Run one ingest now and exit: 0 = every symbol loaded, 2 = failures still open, 3 = run aborted
 *     (refused keys among others), 4 = the provider's plan refused the data asked for.
 * @param provider The market-data provider bars come from: alpaca, massive, or any other with a route file
 *     routes/providers/NAME.camel.yaml and settings barfeed.NAME.*.
 * @param schedule When scheduled runs fire.
 * @param universe Which symbols a run loads.
 * @param fetch How bars are asked of the market-data API.
 * @param reference The reference data a run loads: per symbol, one JSON object into one row.
 * @param repair How failures are asked for again.
 * @param alpaca Alpaca's market-data API.
 * @param massive Massive's (formerly Polygon.io) stock aggregates.
 * @param alphavantage Alpha Vantage's intraday bars and company overviews.
 * @param store How bars are written to PostgreSQL.
 * @param cluster Several barfeed nodes on one database.
 * @param routes The route files.
 * @param progress The progress line of long runs.
 * @param schema barfeed's own data tables.
 * @param embedded The embedded PostgreSQL used when no database is configured.
 * @param simulator The built-in simulator of the market-data API.
 * @param stream Live bars over the provider's WebSocket stream.
 */
@ConfigurationProperties("barfeed")
@Validated
public record BarfeedProperties(
        @DefaultValue("false") boolean once,

        @DefaultValue("alpaca") @Pattern(regexp = "[a-z][a-z0-9-]*")
        String provider,

        @DefaultValue @Valid Schedule schedule,
        @DefaultValue @Valid Universe universe,
        @DefaultValue @Valid Fetch fetch,
        @DefaultValue @Valid Reference reference,
        @DefaultValue @Valid Repair repair,
        @DefaultValue @Valid Alpaca alpaca,
        @DefaultValue @Valid Massive massive,
        @DefaultValue @Valid Alphavantage alphavantage,
        @DefaultValue @Valid Store store,
        @DefaultValue @Valid Cluster cluster,
        @DefaultValue @Valid Routes routes,
        @DefaultValue @Valid Progress progress,
        @DefaultValue @Valid Schema schema,
        @DefaultValue @Valid Embedded embedded,
        @DefaultValue @Valid Simulator simulator,
        @DefaultValue @Valid Stream stream) {

    /** Timeframe names as Alpaca v2 writes them. */
    static final String TIMEFRAME =
            "([1-9]|[1-5][0-9])(Min|T)|([1-9]|1[0-9]|2[0-3])(Hour|H)|1(Day|D)|1(Week|W)" + "|(1|2|3|4|6|12)(Month|M)";

    /**
     * When runs fire.
     *
     * @param cron When runs fire: a Quartz cron (second minute hour day-of-month month day-of-week).
     * @param timeZone Time zone the cron is read in.
     * @param misfireInstruction A fire missed while barfeed was down or busy: 2 = skip it (the next run fetches
     *     the gap anyway), 1 = run once now.
     * @param deleteJobOnStop Delete the Quartz job when the schedule route stops (false in a cluster, where the job
     *     is shared).
     */
    public record Schedule(
            @DefaultValue("0 */15 * ? * MON-FRI") @QuartzCron
            String cron,

            @DefaultValue("America/New_York") @NotNull ZoneId timeZone,
            @DefaultValue("2") @Min(-1) @Max(2) int misfireInstruction,
            @DefaultValue("true") boolean deleteJobOnStop) {}

    /**
     * Which symbols a run loads.
     *
     * @param query SQL giving the symbols to load: stock_id, symbol and since (newest stored bar, null = none);
     *     :#timeframe is the timeframe being loaded. Default: the holdings of every ETF in etf_holding.
     */
    public record Universe(@NotBlank String query) {}

    /**
     * How bars are asked of the API.
     *
     * @param timeframes Bar timeframes to load, side by side, each keyed apart in bar (Alpaca v2 names: 1Min..59Min,
     *     1Hour..23Hour, 1Day, 1Week, 1Month, 2Month, 3Month, 4Month, 6Month, 12Month).
     * @param backfillStart Where a symbol with no stored bars starts: a date (2024-01-02), an instant, or a period
     *     back from now (P60D).
     * @param until Load bars up to this date or instant instead of now minus the provider's end-delay (empty: up to
     *     now), for a fixed historical window.
     * @param revisit Each run asks again for this much before each symbol's newest stored bar, so late corrections
     *     reach the table (only changed bars are written).
     * @param symbolsPerRequest Symbols packed into one multi-symbol request (all its pages share one start).
     * @param parallelism Planned requests fetched (and stored) at the same time; also the number of store
     *     connections in use.
     * @param runTimeout Longest the requests of one timeframe may take together: a request still running then is
     *     cut off, no retry starts past it, and what it did not store is recorded (stage timeout). Was
     *     run-timeout-ms, in milliseconds.
     * @param retries Extra attempts for a page that failed (5xx, connection reset, timeout, malformed page).
     * @param retryDelay First wait before retrying a failed page; it doubles with each attempt (was retry-delay-ms).
     * @param maxRetryDelay Longest wait between two attempts at a page (was max-retry-delay-ms).
     * @param rateLimitedRetries Extra attempts for a page refused with 429; each waits for X-RateLimit-Reset.
     * @param rateLimitMaxWait Longest wait for the quota to refill after a 429 or an exhausted
     *     X-RateLimit-Remaining.
     * @param rateLimitJitter Random extra wait after X-RateLimit-Reset, so parallel requests do not all retry at
     *     once.
     * @param rateLimitPoll How often a request waiting for the quota looks again while no answer has named the
     *     window's reset yet; a longer wait for the quota is logged.
     * @param connectTimeout Longest wait for a connection to the API (was connect-timeout-ms).
     * @param responseTimeout Longest wait for the API's response, or the next bytes of it (was response-timeout-ms).
     * @param maxSymbolsPerRequest The most symbols-per-request may be.
     */
    @AtMost(value = "symbolsPerRequest", max = "maxSymbolsPerRequest")
    public record Fetch(
            @DefaultValue({"15Min", "1Day"}) @NotEmpty
            List<
                            @Pattern(
                                    regexp = TIMEFRAME,
                                    message = "is not a timeframe (Alpaca v2 takes 1Min..59Min, 1Hour..23Hour,"
                                            + " 1Day, 1Week, 1Month, 2Month, 3Month, 4Month, 6Month, 12Month)")
                            String>
                    timeframes,

            @DefaultValue("P60D") @NotNull PointInTime backfillStart,
            PointInTime until,
            @DefaultValue("P1D") @NotNull Duration revisit,
            @DefaultValue("50") @Min(1) int symbolsPerRequest,
            @DefaultValue("6") @Min(1) @Max(1_000) int parallelism,
            @DefaultValue("30m") @NotNull Duration runTimeout,
            @DefaultValue("3") @Min(0) int retries,
            @DefaultValue("500ms") @NotNull Duration retryDelay,
            @DefaultValue("30s") @NotNull Duration maxRetryDelay,
            @DefaultValue("10") @Min(0) int rateLimitedRetries,
            @DefaultValue("65s") @NotNull Duration rateLimitMaxWait,
            @DefaultValue("1s") @NotNull Duration rateLimitJitter,
            @DefaultValue("50ms") @NotNull Duration rateLimitPoll,
            @DefaultValue("10s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration responseTimeout,
            @DefaultValue("10000") @Min(1) int maxSymbolsPerRequest) {

        @AssertTrue(message = "run-timeout, rate-limit-poll, connect-timeout and response-timeout must be positive")
        public boolean isTimesPositive() {
            return isPositive(runTimeout)
                    && isPositive(rateLimitPoll)
                    && isPositive(connectTimeout)
                    && isPositive(responseTimeout);
        }

        @AssertTrue(message = "retry-delay and max-retry-delay must not be negative")
        public boolean isDelaysNotNegative() {
            return !retryDelay.isNegative() && !maxRetryDelay.isNegative();
        }
    }

    /** Whether {@code d} is set and longer than zero. */
    static boolean isPositive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    /**
     * Alpaca's market-data API (barfeed.provider: alpaca; routes/providers/alpaca.camel.yaml).
     *
     * @param baseUrl Market-data API root (the built-in simulator's address when it serves).
     * @param keyHeaders Request headers carrying the API keys, each "Name: value", {VARIABLE} read from the
     *     environment at request time (never a key itself).
     * @param keyQuery Query parameters carrying the API keys, each "name=value" with {VARIABLE}s (Alpaca: none).
     * @param requestsPerMinute Ceiling on requests sent, per minute, across all parallel requests (Alpaca Basic:
     *     200, Algo Trader Plus: 10000).
     * @param pageLimit Bars per page asked of the API (at most max-page-limit, counted across all symbols of the
     *     page).
     * @param maxPageLimit The most bars per page Alpaca serves: page-limit may not be more.
     * @param pageOrder Alpaca fills a page symbol after symbol, alphabetically: a symbol before a page's last one is
     *     complete.
     * @param feed Data feed: sip (all US exchanges), iex, otc or boats.
     * @param adjustment Price adjustment: raw, split, dividend, spin-off or all (comma-combined allowed, e.g.
     *     split,spin-off).
     * @param endDelay How far behind now a request ends; free plans may not query the last 15 minutes of SIP data,
     *     and refuse a request ending on that edge (exit code 4), so the default keeps a minute of margin.
     * @param corporateActions The corporate actions read into the ledger barfeed.corporate_action.
     * @param streamUrl The live stream of minute bars (WebSocket): v2/iex is the free plan's feed, v2/sip needs a paid
     *     plan.
     * @param streamFeed The feed the stream URL serves; repairs after a (re)connect ask REST for this same feed.
     */
    @AtMost(value = "pageLimit", max = "maxPageLimit")
    public record Alpaca(
            @DefaultValue("https://data.alpaca.markets") @NotBlank
            String baseUrl,

            @DefaultValue({"APCA-API-KEY-ID: {APCA_API_KEY_ID}", "APCA-API-SECRET-KEY: {APCA_API_SECRET_KEY}"})
            List<String> keyHeaders,

            @DefaultValue List<String> keyQuery,
            @DefaultValue("200") @Min(1) @Max(1_000_000) int requestsPerMinute,
            @DefaultValue("10000") @Min(1) int pageLimit,
            @DefaultValue("10000") @Min(1) int maxPageLimit,

            @DefaultValue("by-symbol") @Pattern(regexp = "by-symbol|any")
            String pageOrder,

            @DefaultValue("sip") @Pattern(regexp = "sip|iex|otc|boats")
            String feed,

            @DefaultValue("raw")
            @Pattern(
                    regexp = "(raw|split|dividend|spin-off|all)(,(split|dividend|spin-off))*",
                    message = "is not raw, split, dividend, spin-off or all (or a comma-combination)")
            String adjustment,

            @DefaultValue("16m") @NotNull Duration endDelay,
            @DefaultValue @Valid CorporateActions corporateActions,

            @DefaultValue("wss://stream.data.alpaca.markets/v2/iex") @Pattern(regexp = "wss?://.+")
            String streamUrl,

            @DefaultValue("iex") @Pattern(regexp = "sip|iex|otc|boats|delayed_sip")
            String streamFeed) {}

    /**
     * Massive's (formerly Polygon.io) stock aggregates (barfeed.provider: massive;
     * routes/providers/massive.camel.yaml): one ticker a request, pages joined by next_url.
     *
     * @param baseUrl Aggregates API root (the built-in simulator's address when it serves).
     * @param keyHeaders Request headers carrying the API key, each "Name: value", {VARIABLE} read from the
     *     environment at request time.
     * @param keyQuery Query parameters carrying the API key instead, e.g. "apiKey={MASSIVE_API_KEY}".
     * @param requestsPerMinute Requests per minute, spaced evenly (the free plan allows 5 and sends no rate-limit
     *     headers).
     * @param maxSymbolsPerRequest Tickers one request takes: the aggregates endpoint takes one.
     * @param pageLimit Bars per page asked of the API (at most max-page-limit).
     * @param maxPageLimit The most bars per page Massive serves: page-limit may not be more.
     * @param adjusted Split-adjusted bars (true) or raw ones, as Alpaca's adjustment raw (false).
     * @param endDelay How far behind now a request ends (the free plan serves 15-minute delayed data).
     * @param streamUrl The live stream of per-minute aggregates (WebSocket; wss://delayed.massive.com/stocks is 15
     *     minutes behind).
     */
    @AtMost(value = "pageLimit", max = "maxPageLimit")
    public record Massive(
            @DefaultValue("https://api.massive.com") @NotBlank
            String baseUrl,

            @DefaultValue("Authorization: Bearer {MASSIVE_API_KEY}")
            List<String> keyHeaders,

            @DefaultValue List<String> keyQuery,
            @DefaultValue("5") @Min(1) @Max(1_000_000) int requestsPerMinute,
            @DefaultValue("1") @Min(1) @Max(1) int maxSymbolsPerRequest,
            @DefaultValue("50000") @Min(1) int pageLimit,
            @DefaultValue("50000") @Min(1) int maxPageLimit,
            @DefaultValue("false") boolean adjusted,
            @DefaultValue("16m") @NotNull Duration endDelay,

            @DefaultValue("wss://socket.massive.com/stocks") @Pattern(regexp = "wss?://.+")
            String streamUrl) {}

    /**
     * Alpha Vantage (barfeed.provider: alphavantage; routes/providers/alphavantage.camel.yaml): intraday bars
     * (TIME_SERIES_INTRADAY), one symbol and one calendar month a request; company overviews (OVERVIEW).
     *
     * @param baseUrl Alpha Vantage's API root (the built-in simulator's address when it serves).
     * @param keyHeaders Request headers carrying the API key, each "Name: value" (Alpha Vantage: none, the key goes
     *     in the query).
     * @param keyQuery Query parameters carrying the API key, each "name=value", {VARIABLE} read from the
     *     environment at request time.
     * @param maxSymbolsPerRequest Symbols one request takes: one.
     * @param timeframes Alpha Vantage's word for each timeframe barfeed loads from it (its intervals; others are
     *     refused at start).
     * @param timeZone Its market's time zone (US/Eastern in its answers): the calendar months requests are cut into.
     * @param request How requests are cut: by calendar month.
     * @param requestsPerMinute Requests per minute, spaced evenly (the free plan allows 5 and sends no rate-limit
     *     headers).
     * @param rateLimit Its daily budget and the wait after a per-minute refusal.
     * @param adjusted Split- and dividend-adjusted bars (true) or raw ones, as Alpaca's adjustment raw (false); true
     *     stops the start, since barfeed reads no corporate actions from Alpha Vantage to restate them by.
     * @param extendedHours Pre- and post-market bars too, 04:00 to 20:00 New York (true), or the regular session
     *     only (false).
     * @param endDelay How far behind now a request ends (the free plan serves delayed data).
     */
    public record Alphavantage(
            @DefaultValue("https://www.alphavantage.co") @NotBlank
            String baseUrl,

            @DefaultValue List<String> keyHeaders,

            @DefaultValue("apikey={ALPHAVANTAGE_API_KEY}") List<String> keyQuery,

            @DefaultValue("1") @Min(1) @Max(1) int maxSymbolsPerRequest,
            @DefaultValue Map<String, String> timeframes,
            @DefaultValue("America/New_York") @NotNull ZoneId timeZone,
            @DefaultValue @Valid MonthlyRequests request,
            @DefaultValue("5") @Min(1) @Max(1_000_000) int requestsPerMinute,
            @DefaultValue @Valid DailyLimit rateLimit,
            @DefaultValue("false") boolean adjusted,
            @DefaultValue("true") boolean extendedHours,
            @DefaultValue("16m") @NotNull Duration endDelay) {}

    /**
     * How a provider's requests are cut.
     *
     * @param byMonth One request per calendar month (month=YYYY-MM, outputsize=full): Alpha Vantage has no next page.
     */
    public record MonthlyRequests(@DefaultValue("true") boolean byMonth) {}

    /**
     * A provider's daily budget.
     *
     * @param requestsPerDay Requests a day barfeed sends it, runs together (the free plan allows 25; 0 for a plan
     *     without a daily limit); once they are used, none until its day starts again.
     * @param dayZone The time zone whose midnight starts its day.
     * @param retryAfter How long to wait after an answer saying the per-minute quota is used (a Note), before asking
     *     again.
     */
    public record DailyLimit(
            @DefaultValue("25") @Min(0) int requestsPerDay,
            @DefaultValue("America/New_York") @NotNull ZoneId dayZone,
            @DefaultValue("60s") @NotNull Duration retryAfter) {}

    /**
     * Corporate actions read from Alpaca (GET /v1/corporate-actions) into barfeed.corporate_action.
     *
     * @param types Action types read each run into barfeed.corporate_action (empty: none): forward_split,
     *     reverse_split, unit_split, cash_dividend, stock_dividend, spin_off, ...
     * @param lookback Alpaca does not promise when an action appears: each run asks again from this long before
     *     the date the ledger covers.
     * @param splitTypes The action types behind adjustment's word split: a new one changes the adjusted bars before
     *     its ex-date, which are then asked for again.
     * @param dividendTypes The action types behind adjustment's word dividend.
     * @param spinOffTypes The action types behind adjustment's word spin-off (all: the three lists together).
     * @param symbolsPerRequest Symbols one request for corporate actions asks for (their list goes in the URL).
     * @param pageLimit Corporate actions per page asked of the API (its limit parameter; Alpaca allows up to 1000).
     */
    public record CorporateActions(
            @DefaultValue({"forward_split", "reverse_split", "cash_dividend"})
            List<@Pattern(regexp = "[a-z_]+", message = "is not an action type") String> types,

            @DefaultValue("P7D") @NotNull Duration lookback,

            @DefaultValue({"forward_split", "reverse_split", "unit_split"})
            List<@Pattern(regexp = "[a-z_]+", message = "is not an action type") String> splitTypes,

            @DefaultValue({"cash_dividend", "stock_dividend"})
            List<@Pattern(regexp = "[a-z_]+", message = "is not an action type") String> dividendTypes,

            @DefaultValue("spin_off")
            List<@Pattern(regexp = "[a-z_]+", message = "is not an action type") String> spinOffTypes,

            @DefaultValue("100") @Min(1) int symbolsPerRequest,
            @DefaultValue("1000") @Min(1) int pageLimit) {}

    /**
     * Reference data (routes/reference.camel.yaml): per symbol, one JSON object from a provider into one row of a
     * table. Each dataset is barfeed.reference.NAME; these two come with barfeed.
     *
     * @param load The datasets each run loads after the bars, by their names below (empty: none), e.g.
     *     [company-overview]; docs/providers.md, "Reference data".
     * @param companyOverview Alpha Vantage's company overview (OVERVIEW) into company_overview.
     * @param tickerDetails Massive's ticker details (GET /v3/reference/tickers/{ticker}) into ticker_details.
     */
    public record Reference(
            @DefaultValue List<@Pattern(regexp = "[a-z][a-z0-9-]*", message = "is not a dataset's name") String> load,
            @DefaultValue @Valid CompanyOverview companyOverview,
            @DefaultValue @Valid TickerDetails tickerDetails) {}

    /**
     * Alpha Vantage's company overview.
     *
     * @param provider The provider whose route NAME-company-overview answers it (routes/providers/NAME.camel.yaml).
     * @param query SQL giving the symbols to load now: stock_id and symbol (:#dataset is this dataset's name).
     * @param insert Statement run per symbol: the object's fields as :#Name parameters, converted to their columns'
     *     types ("None", "-" and "" are NULL), and :#stock_id, :#symbol, :#payload (the object as JSON). Keep it an
     *     upsert.
     */
    public record CompanyOverview(
            @DefaultValue("alphavantage") @Pattern(regexp = "[a-z][a-z0-9-]*")
            String provider,

            String query,
            String insert) {}

    /**
     * Massive's ticker details.
     *
     * @param provider The provider whose route NAME-ticker-details answers it.
     * @param query SQL giving the symbols to load now: stock_id and symbol (:#dataset is this dataset's name).
     * @param insert Statement run per symbol: the fields of the object at results as :#name (a nested one's as
     *     :#parent_child).
     */
    public record TickerDetails(
            @DefaultValue("massive") @Pattern(regexp = "[a-z][a-z0-9-]*")
            String provider,

            String query,
            String insert) {}

    /**
     * How what a run did not store is asked for again by the next runs.
     *
     * @param maxRequests Repair requests per timeframe and run, oldest open range first, so that a backlog of
     *     failures cannot starve the normal run.
     * @param maxAttempts Runs that may fail on the same range for its data (a bad bar, a row the database refuses)
     *     before it is given up: reported once, loudly, as abandoned.
     */
    public record Repair(
            @DefaultValue("20") @Min(0) int maxRequests,
            @DefaultValue("3") @Min(1) int maxAttempts) {}

    /**
     * How bars are written.
     *
     * @param insert Statement run for each bar, as a JDBC batch. Named parameters: :#stock_id :#symbol :#timeframe
     *     :#ts :#open :#high :#low :#close :#volume :#trade_count :#vwap. Keep it idempotent (ON CONFLICT).
     * @param copy Write new bars (after their symbol's newest stored bar) with COPY, the rest with the insert; false:
     *     every bar takes the insert. A batch COPY is refused for (a bar stored after all) takes the insert.
     * @param copyInto Table and columns COPY fills; empty: read from a plain insert (INSERT INTO t (cols) VALUES
     *     (:#fields...)). For new bars it must store what barfeed.store.insert would.
     * @param copyFields The bar fields COPY sends, one per column of copy-into, in its order (names of the insert's
     *     parameters); empty: read from the insert.
     * @param batchSize Bars per batch; each batch is one transaction.
     * @param retries Extra attempts for a batch that failed for a transient reason (connection lost, deadlock,
     *     serialization).
     * @param retryDelay First wait before retrying a batch; it doubles with each attempt (was retry-delay-ms).
     * @param maxRetryDelay Longest wait between two attempts at a batch.
     * @param statementTimeout Longest a statement may run in the database before PostgreSQL cancels it (a batch
     *     waiting for a lock held elsewhere, a server stuck): the batch fails, is retried or recorded. Every statement
     *     on barfeed's pool has it (the universe query, the bookkeeping, migrations too). 0: no limit.
     */
    public record Store(
            @NotBlank String insert,
            @DefaultValue("true") boolean copy,
            @DefaultValue("") String copyInto,

            @DefaultValue
            List<@Pattern(regexp = BAR_FIELDS, message = "is not a bar field (one of " + BAR_FIELDS + ")") String>
                    copyFields,

            @DefaultValue("5000") @Min(1) @Max(1_000_000) int batchSize,
            @DefaultValue("5") @Min(0) int retries,
            @DefaultValue("200ms") @NotNull Duration retryDelay,
            @DefaultValue("60s") @NotNull Duration maxRetryDelay,
            @DefaultValue("60s") @NotNull Duration statementTimeout) {

        @AssertTrue(message = "retry-delay and max-retry-delay must not be negative")
        public boolean isDelaysNotNegative() {
            return !retryDelay.isNegative() && !maxRetryDelay.isNegative();
        }

        /** The default of statementTimeout, for the pool that is set up before the settings are bound. */
        public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    }

    /**
     * The bar's fields, the named parameters of barfeed.store.insert, in the order a bar holds them
     * (io.barfeed.fetch.BarRow.FIELDS); one constant, so a validation pattern can name it too.
     */
    public static final String BAR_FIELDS = "symbol|timeframe|ts|stock_id|open|high|low|close|volume|trade_count|vwap";

    /**
     * Several nodes on one database.
     *
     * @param enabled Several barfeed nodes share one schedule through PostgreSQL; turn on with
     *     --spring.profiles.active=cluster.
     * @param nodeId This node's name in barfeed.run.node.
     * @param streamLease How long the stream's leadership (one streaming node per cluster, barfeed.stream.enabled)
     *     holds without renewal: its holder renews it three times as often; a node that died hands it over after
     *     this long.
     */
    public record Cluster(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("barfeed") @NotBlank String nodeId,
            @DefaultValue("10s") @NotNull Duration streamLease) {}

    /**
     * The route files.
     *
     * @param dir Folder of route files: each replaces the jar's file of the same name, a new one adds its routes.
     * @param reload Reload a file under barfeed.routes.dir as soon as it changes, without a restart (for
     *     development).
     */
    public record Routes(
            @DefaultValue("routes") @NotNull Path dir,
            @DefaultValue("false") boolean reload) {}

    /**
     * The progress line.
     *
     * @param interval How often a long run logs its progress (requests, bars, bars per second); was interval-ms.
     */
    public record Progress(@DefaultValue("5s") @NotNull Duration interval) {

        @AssertTrue(message = "interval must be positive")
        public boolean isIntervalPositive() {
            return isPositive(interval);
        }
    }

    /**
     * barfeed's own data tables.
     *
     * @param managed Create and migrate barfeed's data tables (stock, etf_holding, bar). false leaves an existing
     *     schema untouched; run bookkeeping always lives in barfeed's own schema "barfeed".
     */
    public record Schema(@DefaultValue("true") boolean managed) {}

    /**
     * The embedded PostgreSQL.
     *
     * @param dataDir Folder of the embedded PostgreSQL's data (used only when spring.datasource.url is not set).
     * @param port Port of the embedded PostgreSQL; 0 picks a free one.
     * @param jdbcParameters JDBC URL parameters for the embedded PostgreSQL.
     */
    public record Embedded(
            @DefaultValue("data/postgres") @NotNull Path dataDir,
            @DefaultValue("0") @Min(0) @Max(65_535) int port,

            @DefaultValue("reWriteBatchedInserts=true&binaryTransferDisable=NUMERIC")
            String jdbcParameters) {}

    /**
     * The built-in simulator.
     *
     * @param enabled Serve the built-in simulator: empty = only with the embedded database and no API keys (the
     *     demo); true = also with a configured database (tests, the benchmark); false = never.
     * @param port Port of the simulator on 127.0.0.1; 0 picks a free one.
     * @param latency Delay before each simulated response.
     * @param rateLimit Quota the simulator enforces with 429 and reports in X-RateLimit-*: requests per window.
     * @param rateLimitWindow The quota's window (a minute at Alpaca; shorter to try quota handling quickly).
     * @param unknownSymbols Symbols the simulator knows nothing of (they return no bars).
     * @param seedDemoUniverse Seed a demo universe (ETF DEMO and ~200 holdings) into an empty stock table.
     * @param faults Faults mixed into the answers, as shares of requests, for chaos runs.
     * @param aroundTheClock The simulated market trades every minute of every day, not only 09:30 to 16:00 New York
     *     on weekdays, so the stream's demo shows live bars at any hour.
     * @param stream The simulator's live stream.
     */
    public record Simulator(
            Boolean enabled,
            @DefaultValue("0") @Min(0) @Max(65_535) int port,
            @DefaultValue("50ms") @NotNull Duration latency,
            @DefaultValue("10000") @Min(1) int rateLimit,
            @DefaultValue("1m") @NotNull Duration rateLimitWindow,
            @DefaultValue List<String> unknownSymbols,
            @DefaultValue("true") boolean seedDemoUniverse,
            @DefaultValue @Valid Faults faults,
            @DefaultValue("false") boolean aroundTheClock,
            @DefaultValue @Valid SimulatorStream stream) {}

    /**
     * The simulator's live stream (Alpaca's protocol at /v2/iex and /v2/sip, Massive's at /stocks).
     *
     * @param updatedShare Share of minute bars corrected by an updated bar about 30 s later (0 to 1).
     * @param pingInterval How often the simulator pings each connection (Alpaca: about every 54 s).
     * @param refuse An error code the simulator answers every authentication with (402, 406, 409), 0 = none.
     */
    public record SimulatorStream(
            @DefaultValue("0.01") @DecimalMin("0") @DecimalMax("1")
            double updatedShare,

            @DefaultValue("54s") @NotNull Duration pingInterval,
            @DefaultValue("0") @Min(0) @Max(999) int refuse) {}

    /**
     * Live bars over the provider's WebSocket (routes/stream.camel.yaml): the minute bars of the universe as they
     * arrive, the larger timeframes of barfeed.fetch.timeframes rolled up from them, every gap repaired from REST.
     *
     * @param enabled Stream live bars (a service only, never a once-run); the profile cluster streams on one node.
     *     Flow, health and metrics: docs/streaming.md.
     * @param pingInterval How often barfeed pings the server; its pongs, like any frame, show the socket is alive.
     * @param stallTimeout No frame of any kind (data, control, ping, pong) for this long: the socket is dead, it is
     *     closed and a new one opened.
     * @param handshakeTimeout Longest wait for the connection, the greeting, the authentication and the subscription
     *     reply.
     * @param backoff First wait before reconnecting; it doubles with each failed attempt (plus random jitter) up to
     *     max-backoff.
     * @param maxBackoff Longest wait between two connection attempts.
     * @param backoffReset Connected this long, the next reconnect waits the first backoff again.
     * @param connectionLimitBackoff Shortest wait after the provider's connection limit refusal (Alpaca 406: another
     *     client holds the account's only connection).
     * @param universeRefresh How often the universe query is read again; symbols added are subscribed, symbols gone
     *     unsubscribed.
     * @param batchWait Longest a streamed bar waits for its batch, when a frame does not end it.
     * @param rollUpDelay A larger timeframe's window is rolled up this long after it closes, so its last minute's
     *     bar and its updated bar (about 30 s later) are in.
     * @param repairLookback Farthest back a repair after a (re)connect asks REST, whatever a symbol's newest stored
     *     bar (older gaps are the scheduled runs').
     * @param downAfter Health shows the stream DOWN once it has been disconnected this long.
     * @param reportInterval How often the stream logs what it received and stored.
     */
    public record Stream(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("10s") @NotNull Duration pingInterval,
            @DefaultValue("30s") @NotNull Duration stallTimeout,
            @DefaultValue("10s") @NotNull Duration handshakeTimeout,
            @DefaultValue("1s") @NotNull Duration backoff,
            @DefaultValue("60s") @NotNull Duration maxBackoff,
            @DefaultValue("60s") @NotNull Duration backoffReset,
            @DefaultValue("30s") @NotNull Duration connectionLimitBackoff,
            @DefaultValue("5m") @NotNull Duration universeRefresh,
            @DefaultValue("200ms") @NotNull Duration batchWait,
            @DefaultValue("35s") @NotNull Duration rollUpDelay,
            @DefaultValue("P1D") @NotNull Duration repairLookback,
            @DefaultValue("2m") @NotNull Duration downAfter,
            @DefaultValue("60s") @NotNull Duration reportInterval) {

        @AssertTrue(message = "stall-timeout must be longer than ping-interval")
        public boolean isStallTimeoutAfterPing() {
            return stallTimeout.compareTo(pingInterval) > 0;
        }
    }

    /**
     * Faults mixed into the simulator's answers, as shares of requests (0 to 1, adding up to at most 1).
     *
     * @param rateLimited Share of answers that are 429, with X-RateLimit-Remaining 0 and a reset one second ahead.
     * @param serverError Share of answers that are 500 Internal Server Error.
     * @param connectionReset Share of connections closed without an answer.
     * @param slow Share of answers delayed by slow-delay (past barfeed.fetch.response-timeout, they time out).
     * @param garbage Share of 200 answers whose page is cut short after 200 bytes.
     * @param slowDelay Delay of a slow answer.
     * @param seed Seed of the random draw of faults: the same seed gives the same sequence.
     */
    public record Faults(
            @DefaultValue("0") @DecimalMin("0") @DecimalMax("1")
            double rateLimited,

            @DefaultValue("0") @DecimalMin("0") @DecimalMax("1")
            double serverError,

            @DefaultValue("0") @DecimalMin("0") @DecimalMax("1")
            double connectionReset,

            @DefaultValue("0") @DecimalMin("0") @DecimalMax("1")
            double slow,

            @DefaultValue("0") @DecimalMin("0") @DecimalMax("1")
            double garbage,

            @DefaultValue("35s") @NotNull Duration slowDelay,
            @DefaultValue("42") long seed) {

        /** The shares are laid end to end on one draw. */
        @AssertTrue(message = "the fault shares add up to more than 1")
        public boolean isSharesWithinOne() {
            return rateLimited + serverError + connectionReset + slow + garbage <= 1;
        }
    }
}
