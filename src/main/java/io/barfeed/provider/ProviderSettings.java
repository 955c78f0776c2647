package io.barfeed.provider;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What barfeed itself reads of every provider, under {@code barfeed.NAME} (the provider barfeed.provider names, or
 * one a reference dataset names): bound and checked at start, whichever provider it is. Anything else under
 * {@code barfeed.NAME} is its route file's own ({@code {{barfeed.NAME.*}}}). docs/providers.md describes each one.
 *
 * @param baseUrl Where the provider's API is; keys go to its host and port only.
 * @param keyHeaders Request headers carrying the keys, each "Name: value", {VARIABLE} read from the environment at
 *     request time.
 * @param keyQuery Query parameters carrying the keys, each "name=value", {VARIABLE} read from the environment.
 * @param maxSymbolsPerRequest Symbols one request takes at most (default: barfeed.fetch.symbols-per-request).
 * @param endDelay How far behind now a request ends.
 * @param timeZone The provider's market time zone: request dates and months, corporate actions' ex-dates.
 * @param timeframes barfeed's timeframe names to the provider's words (15Min: 15min); empty: barfeed's own names.
 * @param pageOrder How a multi-symbol request's pages follow each other: by-symbol (one symbol after another in
 *     alphabetical order, Alpaca's) or any (nothing of a request is complete before its last page).
 * @param request How a planned request is cut when the provider asks for less at once.
 * @param rateLimit How the provider reports its quota, and its daily budget.
 * @param adjustment The adjustment of the bars it serves, in barfeed's words: raw, split, dividend, spin-off or
 *     all (comma-combined allowed).
 * @param adjusted For a provider whose adjustment is yes or no (Massive's adjusted): true is adjustment split.
 * @param corporateActions The corporate actions read from its route NAME-corporate-actions-page.
 * @param streamUrl Its live stream of minute bars, a WebSocket URL (barfeed.stream.enabled); empty: none.
 * @param streamFeed The feed the stream serves, which the repairs after a (re)connect ask REST for; empty: the
 *     REST requests' own.
 */
public record ProviderSettings(
        @NotBlank(message = "is not set: where is the provider's API?")
        String baseUrl,

        @DefaultValue List<String> keyHeaders,
        @DefaultValue List<String> keyQuery,
        @Min(1) Integer maxSymbolsPerRequest,
        @DefaultValue("0s") @NotNull Duration endDelay,
        @DefaultValue("America/New_York") @NotNull ZoneId timeZone,
        @DefaultValue Map<String, String> timeframes,
        @DefaultValue("any") @NotNull PageOrder pageOrder,
        @DefaultValue @Valid Requests request,
        @DefaultValue @Valid RateLimit rateLimit,

        @DefaultValue("raw")
        @Pattern(
                regexp = "(raw|split|dividend|spin-off|all)(,(split|dividend|spin-off))*",
                message = "is not raw, split, dividend, spin-off or all (or a comma-combination)")
        String adjustment,

        Boolean adjusted,
        @DefaultValue @Valid CorporateActions corporateActions,
        @DefaultValue("") String streamUrl,
        @DefaultValue("") String streamFeed) {

    /** How a multi-symbol request's pages follow each other. */
    public enum PageOrder {
        /** Nothing of a request is known complete before its last page. */
        ANY,
        /** Symbols one after another in alphabetical order: a symbol before the last one seen is complete. */
        BY_SYMBOL
    }

    /**
     * How a planned request is cut before it is sent, for providers without a next page or with a span limit.
     *
     * @param maxSpan The longest span one request asks for (empty: no limit), e.g. P30D.
     * @param maxBars The most bars of its timeframe one request spans, counted in calendar time (0: no limit).
     * @param byMonth One request per calendar month of the provider's time zone (for APIs that take a month).
     */
    public record Requests(
            Duration maxSpan,
            @DefaultValue("0") @Min(0) int maxBars,
            @DefaultValue("false") boolean byMonth) {}

    /**
     * How the provider reports its quota, and what barfeed may spend of it.
     *
     * @param limitHeader The response header giving the quota of the window.
     * @param remainingHeader The response header giving the requests left in the window.
     * @param resetHeader The response header saying when the window's quota refills.
     * @param reset How the reset header is written: epoch-seconds, epoch-millis, or seconds (from now).
     * @param retryAfter How long to wait after a refusal that names no reset (a 429 without the reset header, a
     *     quota message in a 200 page).
     * @param requestsPerDay Requests barfeed may send to the provider per day (0: no daily budget).
     * @param dayZone The time zone whose midnight starts the provider's day.
     */
    public record RateLimit(
            @DefaultValue("X-RateLimit-Limit") @NotBlank String limitHeader,
            @DefaultValue("X-RateLimit-Remaining") @NotBlank String remainingHeader,
            @DefaultValue("X-RateLimit-Reset") @NotBlank String resetHeader,
            @DefaultValue("epoch-seconds") @NotNull ResetFormat reset,
            @DefaultValue("1s") @NotNull Duration retryAfter,
            @DefaultValue("0") @Min(0) int requestsPerDay,
            @DefaultValue("UTC") @NotNull ZoneId dayZone) {

        /** How a reset header is written. */
        public enum ResetFormat {
            EPOCH_SECONDS,
            EPOCH_MILLIS,
            SECONDS
        }
    }

    /**
     * The corporate actions read into barfeed.corporate_action.
     *
     * @param types Action types read each run, in the provider's words (empty: none).
     * @param lookback Each run asks again from this long before the date the ledger covers.
     * @param splitTypes The action types behind the adjustment word split.
     * @param dividendTypes The action types behind the adjustment word dividend.
     * @param spinOffTypes The action types behind the adjustment word spin-off.
     * @param symbolsPerRequest Symbols one request for corporate actions asks for at most.
     */
    public record CorporateActions(
            @DefaultValue List<String> types,
            @DefaultValue("0s") @NotNull Duration lookback,
            @DefaultValue List<String> splitTypes,
            @DefaultValue List<String> dividendTypes,
            @DefaultValue List<String> spinOffTypes,
            @DefaultValue("100") @Min(1) int symbolsPerRequest) {

        /** The action types that change bars of {@code adjustment} (raw: none; all: every word's). */
        public Set<String> typesAdjusting(String adjustment) {
            Set<String> types = new HashSet<>();
            for (String part : adjustment.split(",")) {
                switch (part.trim()) {
                    case "split" -> types.addAll(splitTypes);
                    case "dividend" -> types.addAll(dividendTypes);
                    case "spin-off" -> types.addAll(spinOffTypes);
                    case "all" -> {
                        types.addAll(splitTypes);
                        types.addAll(dividendTypes);
                        types.addAll(spinOffTypes);
                    }
                    default -> {} // raw: none
                }
            }
            return Set.copyOf(types);
        }
    }
}
