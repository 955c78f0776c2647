package io.barfeed.provider;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.barfeed.provider.ProviderSettings.CorporateActions;
import io.barfeed.provider.ProviderSettings.PageOrder;
import io.barfeed.provider.ProviderSettings.RateLimit;
import io.barfeed.provider.ProviderSettings.Requests;
import io.barfeed.settings.BadSetting;

/**
 * A market-data provider as its settings describe it ({@link ProviderSettings}, {@code barfeed.NAME.*}): where its
 * API is, how its keys are sent, how its requests are cut and spelt, how it reports its quota. Nothing here knows a
 * provider by name: a new one is a route file and these settings.
 */
public final class Provider {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String name;
    private final ProviderSettings settings;
    private final int maxSymbolsPerRequest;

    public Provider(String name, ProviderSettings settings, int defaultSymbolsPerRequest) {
        this.name = name;
        this.settings = settings;
        this.maxSymbolsPerRequest =
                settings.maxSymbolsPerRequest() != null ? settings.maxSymbolsPerRequest() : defaultSymbolsPerRequest;
    }

    /** The provider barfeed.provider names, its settings bound without further checks (tests, tools). */
    public Provider(Environment environment) {
        this(name(environment), bind(environment, name(environment), BindHandler.DEFAULT), Integer.MAX_VALUE);
    }

    /** The settings of provider {@code name}, bound from {@code barfeed.NAME.*} with {@code handler}. */
    static ProviderSettings bind(Environment environment, String name, BindHandler handler) {
        return Binder.get(environment).bindOrCreate(key(name, ""), Bindable.of(ProviderSettings.class), handler);
    }

    /** The active provider's name (barfeed.provider). */
    public static String name(Environment environment) {
        return environment.getProperty("barfeed.provider", "alpaca").trim();
    }

    /** The environment variables the keys of {@code providers} come from, in order. */
    public static List<String> keyVariables(Environment environment, List<String> providers) {
        Set<String> variables = new LinkedHashSet<>();
        for (String provider : providers) {
            for (String template :
                    concat(list(environment, provider, "key-headers"), list(environment, provider, "key-query"))) {
                Matcher m = VARIABLE.matcher(template);
                while (m.find()) {
                    variables.add(m.group(1));
                }
            }
        }
        return List.copyOf(variables);
    }

    /** The environment variables the active provider's keys come from, in order. */
    public static List<String> keyVariables(Environment environment) {
        return keyVariables(environment, List.of(name(environment)));
    }

    public String name() {
        return name;
    }

    public ProviderSettings settings() {
        return settings;
    }

    public String baseUrl() {
        return settings.baseUrl() == null ? "" : settings.baseUrl();
    }

    /** Headers to add, as {@code Name: value} templates. */
    List<String> keyHeaders() {
        return settings.keyHeaders();
    }

    /** Query parameters to add, as {@code name=value} templates. */
    List<String> keyQuery() {
        return settings.keyQuery();
    }

    /** At most this many symbols in one request. */
    public int maxSymbolsPerRequest() {
        return maxSymbolsPerRequest;
    }

    /** How far behind now a request ends (free plans refuse the most recent data). */
    public Duration endDelay() {
        return settings.endDelay();
    }

    /** The provider's live stream, a WebSocket URL ({@code barfeed.NAME.stream-url}); empty: none. */
    public String streamUrl() {
        return settings.streamUrl();
    }

    /** The feed the stream serves ({@code barfeed.NAME.stream-feed}), which its repairs ask REST for; empty: REST's. */
    public String streamFeed() {
        return settings.streamFeed();
    }

    /** The provider's market time zone: request dates and months, ex-dates. */
    public ZoneId timeZone() {
        return settings.timeZone();
    }

    /** How a multi-symbol request's pages follow each other. */
    public PageOrder pageOrder() {
        return settings.pageOrder();
    }

    public Requests request() {
        return settings.request();
    }

    public RateLimit rateLimit() {
        return settings.rateLimit();
    }

    public CorporateActions corporateActions() {
        return settings.corporateActions();
    }

    /** The setting that says how the bars are adjusted: adjusted when the provider has it, else adjustment. */
    public String adjustmentSetting() {
        return key(name, settings.adjusted() != null ? "adjusted" : "adjustment");
    }

    /** The adjustment of the bars the provider serves, in barfeed's words (raw: none). */
    public String adjustment() {
        if (settings.adjusted() == null) {
            return settings.adjustment();
        }
        return !settings.adjusted() ? "raw" : settings.adjustment().equals("raw") ? "split" : settings.adjustment();
    }

    /** Whether the provider names {@code timeframe} (every timeframe when its table is empty). */
    public boolean knows(String timeframe) {
        return settings.timeframes().isEmpty() || word(timeframe) != null;
    }

    /** The provider's word for barfeed's {@code timeframe}, from its table; barfeed's own name without one. */
    public String timeframeParam(String timeframe) {
        if (settings.timeframes().isEmpty()) {
            return timeframe;
        }
        String word = word(timeframe);
        if (word == null) {
            throw new BadSetting(
                    "barfeed.fetch.timeframes",
                    timeframe + " is not a timeframe " + name + " serves (" + key(name, "timeframes") + ": "
                            + String.join(", ", settings.timeframes().keySet()) + ")");
        }
        return word;
    }

    /** Case-insensitively: an environment variable spells the table's keys in lower case. */
    private String word(String timeframe) {
        for (Map.Entry<String, String> entry : settings.timeframes().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(timeframe)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code host:port} of the API: keys go to it and nowhere else. */
    String authority() {
        URI base = URI.create(baseUrl());
        return base.getHost() + ":" + (base.getPort() != -1 ? base.getPort() : defaultPort(base.getScheme()));
    }

    static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** A template with each {VARIABLE} replaced by its value, read now; null when a variable is not set. */
    static String fill(String template, Environment environment) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = environment.getProperty(m.group(1), "");
            if (value.isBlank()) {
                return null;
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /**
     * A template with each {VARIABLE} replaced by its value, read now; a variable not set gives empty text (the
     * stream's authentication message: the server's refusal names the missing key).
     */
    public static String fillOrEmpty(String template, Environment environment) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(environment.getProperty(m.group(1), "")));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** This provider's setting of this name: {@code barfeed.<provider>.<setting>}. */
    public String setting(String setting) {
        return key(name, setting);
    }

    /** The active provider's setting of this name: {@code barfeed.<provider>.<setting>}. */
    public static String setting(Environment environment, String setting) {
        return key(name(environment), setting);
    }

    private static String key(String provider, String setting) {
        return "barfeed." + provider.toLowerCase(Locale.ROOT) + (setting.isEmpty() ? "" : "." + setting);
    }

    private static List<String> list(Environment environment, String provider, String setting) {
        return Binder.get(environment)
                .bind(key(provider, setting), Bindable.listOf(String.class))
                .orElse(List.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public String toString() {
        return "provider " + name; // never the keys
    }
}
