package io.barfeed.provider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The provider barfeed.provider names, as its settings describe it: {@code barfeed.<provider>.base-url}, the
 * {@code key-headers} and {@code key-query} that carry its API keys ({@code {VARIABLE}} read from the environment at
 * request time), {@code max-symbols-per-request} and {@code end-delay}. Nothing here knows a provider by name: a new
 * one is a route file and these settings.
 */
@Component("provider")
public class Provider {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String name;
    private final String baseUrl;
    private final List<String> keyHeaders;
    private final List<String> keyQuery;
    private final int maxSymbolsPerRequest;
    private final Duration endDelay;
    private final String streamUrl;
    private final String streamFeed;

    public Provider(Environment environment) {
        this.name = name(environment);
        this.baseUrl = environment.getProperty(key(name, "base-url"), "");
        this.keyHeaders = list(environment, name, "key-headers");
        this.keyQuery = list(environment, name, "key-query");
        this.maxSymbolsPerRequest =
                environment.getProperty(key(name, "max-symbols-per-request"), Integer.class, Integer.MAX_VALUE);
        this.endDelay = environment.getProperty(key(name, "end-delay"), Duration.class, Duration.ZERO);
        this.streamUrl = environment.getProperty(key(name, "stream-url"), "");
        this.streamFeed = environment.getProperty(key(name, "stream-feed"), "");
    }

    /** The active provider's name (barfeed.provider). */
    public static String name(Environment environment) {
        return environment.getProperty("barfeed.provider", "alpaca").trim();
    }

    /** The environment variables the active provider's keys come from, in order. */
    public static List<String> keyVariables(Environment environment) {
        String provider = name(environment);
        Set<String> variables = new LinkedHashSet<>();
        for (String template :
                concat(list(environment, provider, "key-headers"), list(environment, provider, "key-query"))) {
            Matcher m = VARIABLE.matcher(template);
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return List.copyOf(variables);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Headers to add, as {@code Name: value} templates. */
    List<String> keyHeaders() {
        return keyHeaders;
    }

    /** Query parameters to add, as {@code name=value} templates. */
    List<String> keyQuery() {
        return keyQuery;
    }

    /** At most this many symbols in one request (Massive's aggregates take one). */
    public int maxSymbolsPerRequest() {
        return maxSymbolsPerRequest;
    }

    /** How far behind now a request ends (free plans refuse the most recent data). */
    public Duration endDelay() {
        return endDelay;
    }

    /** The provider's live stream, a WebSocket URL ({@code barfeed.<provider>.stream-url}); empty: none. */
    public String streamUrl() {
        return streamUrl;
    }

    /**
     * The feed the stream serves ({@code barfeed.<provider>.stream-feed}), which its repairs ask REST for; empty: the
     * REST setting's.
     */
    public String streamFeed() {
        return streamFeed;
    }

    /** {@code host:port} of the API: keys go to it and nowhere else. */
    String authority() {
        URI base = URI.create(baseUrl);
        return base.getHost() + ":" + (base.getPort() != -1 ? base.getPort() : defaultPort(base.getScheme()));
    }

    static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** A template with each {VARIABLE} replaced by its value, read now; a variable not set gives empty text. */
    public static String fillOrEmpty(String template, Environment environment) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(environment.getProperty(m.group(1), "")));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** The {VARIABLE} names of a template, in order. */
    public static List<String> variablesOf(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
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

    /** The active provider's setting of this name: {@code barfeed.<provider>.<setting>}. */
    public static String setting(Environment environment, String setting) {
        return key(name(environment), setting);
    }

    private static String key(String provider, String setting) {
        return "barfeed." + provider + "." + setting;
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
