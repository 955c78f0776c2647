package io.barfeed.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.barfeed.fetch.TimeFormat;

/**
 * A provider's stream in its own words, set by the provider's route file (a bean named {@code NAME-stream}'s
 * properties; routes/providers/alpaca.camel.yaml and massive.camel.yaml): which field says a message's type and
 * which types are bars, updated bars and control messages, how the greeting, the authentication, the subscription
 * reply and an error are recognised, the messages barfeed sends (the keys as {@code {VARIABLE}}s read from the
 * environment when sent), what each error code means, and the bar's fields. Nothing here knows a provider by name.
 *
 * <p>A recogniser is {@code field=value} pairs, comma-separated, all of which must hold; a value may list
 * alternatives with {@code |}: {@code T=success,msg=connected}.
 */
public class StreamProtocol {

    private String type = "T";
    private String symbol = "S";
    private Set<String> barTypes = Set.of("b");
    private Set<String> updatedBarTypes = Set.of("u");
    private List<Condition> greeting = conditions("T=success,msg=connected");
    private List<Condition> authenticated = conditions("T=success,msg=authenticated");
    private List<Condition> subscribed = conditions("T=subscription");
    private List<Condition> error = conditions("T=error");
    private String errorCode = "code";
    private String errorMessage = "msg";
    private String subscribedList = "bars";
    private String authMessage = "";
    private String subscribeMessage = "";
    private String unsubscribeMessage = "";
    private String symbolsAs = "json";
    private String symbolPrefix = "";
    private Set<String> keysRefused = Set.of();
    private String keysRefusedMessage = "the provider refused the stream's keys";
    private Set<String> planRefused = Set.of();
    private String planRefusedMessage = "the provider's plan does not include this stream";
    private Set<String> connectionLimit = Set.of();
    private Set<String> harmless = Set.of();
    private String time = "t";
    private TimeFormat timeFormat = TimeFormat.RFC3339;
    private String open = "o";
    private String high = "h";
    private String low = "l";
    private String close = "c";
    private String volume = "v";
    private String tradeCount = "n";
    private String vwap = "vw";

    /** One {@code field=value|value} condition of a recogniser. */
    record Condition(String field, Set<String> values) {
        boolean holds(Map<String, Object> fields) {
            Object value = fields.get(field);
            return value != null && values.contains(text(value));
        }
    }

    // What a message is.

    /** The kind of a message: bar, updated-bar, control or other. */
    String kind(Map<String, Object> message) {
        String t = text(message.get(type));
        if (barTypes.contains(t)) {
            return "bar";
        }
        if (updatedBarTypes.contains(t)) {
            return "updated-bar";
        }
        if (isGreeting(message) || isAuthenticated(message) || isSubscription(message) || isError(message)) {
            return "control";
        }
        return "other";
    }

    String typeOf(Map<String, Object> message) {
        return text(message.get(type));
    }

    String symbolOf(Map<String, Object> message) {
        Object value = message.get(symbol);
        return value == null ? null : text(value);
    }

    boolean isGreeting(Map<String, Object> message) {
        return !greeting.isEmpty() && all(greeting, message);
    }

    boolean isAuthenticated(Map<String, Object> message) {
        return !authenticated.isEmpty() && all(authenticated, message);
    }

    boolean isSubscription(Map<String, Object> message) {
        return !subscribed.isEmpty() && all(subscribed, message);
    }

    boolean isError(Map<String, Object> message) {
        return !error.isEmpty() && all(error, message);
    }

    /** Whether a greeting is awaited before anything is sent. */
    boolean greets() {
        return !greeting.isEmpty();
    }

    /** Whether the subscription reply lists every symbol held (Alpaca), so barfeed can reconcile against it. */
    boolean repliesFullState() {
        return !subscribedList.isBlank();
    }

    /** The symbols a full-state subscription reply says are held; a reply without the list holds none. */
    Set<String> held(Map<String, Object> reply) {
        Object list = reply.get(subscribedList);
        Set<String> held = new LinkedHashSet<>();
        if (list instanceof Collection<?> items) {
            items.forEach(item -> held.add(text(item)));
        }
        return held;
    }

    String errorCodeOf(Map<String, Object> message) {
        Object code = message.get(errorCode);
        return code == null ? "" : text(code);
    }

    String errorMessageOf(Map<String, Object> message) {
        Object text = message.get(errorMessage);
        return text == null ? "" : text(text);
    }

    /** What an error code means: keys or plan refused (fatal), the connection limit, harmless, or anything else. */
    ErrorMeaning meaning(String code) {
        if (keysRefused.contains(code)) {
            return ErrorMeaning.KEYS_REFUSED;
        }
        if (planRefused.contains(code)) {
            return ErrorMeaning.PLAN_REFUSED;
        }
        if (connectionLimit.contains(code)) {
            return ErrorMeaning.CONNECTION_LIMIT;
        }
        return harmless.contains(code) ? ErrorMeaning.HARMLESS : ErrorMeaning.OTHER;
    }

    enum ErrorMeaning {
        KEYS_REFUSED,
        PLAN_REFUSED,
        CONNECTION_LIMIT,
        HARMLESS,
        OTHER
    }

    String keysRefusedMessage() {
        return keysRefusedMessage;
    }

    String planRefusedMessage() {
        return planRefusedMessage;
    }

    // What barfeed sends.

    /** The authentication message with its {VARIABLE}s as written (filled when sent); empty: none is sent. */
    String authMessage() {
        return authMessage;
    }

    /** The subscription message for these symbols; empty when there are none. */
    String subscribe(Collection<String> symbols) {
        return symbols.isEmpty() ? "" : subscribeMessage.replace("{symbols}", symbols(symbols));
    }

    String unsubscribe(Collection<String> symbols) {
        return symbols.isEmpty() || unsubscribeMessage.isBlank()
                ? ""
                : unsubscribeMessage.replace("{symbols}", symbols(symbols));
    }

    private String symbols(Collection<String> symbols) {
        if (symbolsAs.equals("comma")) {
            return symbols.stream().map(s -> symbolPrefix + s).collect(Collectors.joining(","));
        }
        return symbols.stream()
                .map(s -> "\"" + (symbolPrefix + s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    // A bar's fields.

    Instant timeOf(Map<String, Object> message) {
        Object value = message.get(time);
        if (value == null) {
            return null;
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : text(value);
        return timeFormat.parse(text, java.time.ZoneOffset.UTC);
    }

    List<Object> values(Map<String, Object> message) {
        List<Object> values = new ArrayList<>(7);
        for (String field : List.of(open, high, low, close, volume, tradeCount, vwap)) {
            values.add(field.isBlank() ? null : message.get(field));
        }
        return values;
    }

    private static boolean all(List<Condition> conditions, Map<String, Object> message) {
        for (Condition c : conditions) {
            if (!c.holds(message)) {
                return false;
            }
        }
        return true;
    }

    static String text(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    static List<Condition> conditions(String recogniser) {
        List<Condition> conditions = new ArrayList<>();
        if (recogniser == null || recogniser.isBlank()) {
            return conditions;
        }
        for (String pair : recogniser.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "not field=value: '" + pair + "' in the recogniser '" + recogniser + "' of a stream protocol");
            }
            conditions.add(new Condition(
                    pair.substring(0, eq).trim(),
                    Set.of(pair.substring(eq + 1).trim().split("\\|"))));
        }
        return conditions;
    }

    private static Set<String> words(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : list.split(",")) {
            if (!word.isBlank()) {
                words.add(word.trim());
            }
        }
        return words;
    }

    // The route file's properties.

    /** The field holding a message's type. */
    public void setType(String type) {
        this.type = type;
    }

    /** The field holding a message's symbol. */
    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    /** The types that are minute bars, comma-separated. */
    public void setBarTypes(String types) {
        this.barTypes = words(types);
    }

    /** The types that are corrected minute bars (replacing a bar sent before), comma-separated. */
    public void setUpdatedBarTypes(String types) {
        this.updatedBarTypes = words(types);
    }

    /** How the server's greeting reads; empty: it sends none. */
    public void setGreeting(String recogniser) {
        this.greeting = conditions(recogniser);
    }

    public void setAuthenticated(String recogniser) {
        this.authenticated = conditions(recogniser);
    }

    public void setSubscribed(String recogniser) {
        this.subscribed = conditions(recogniser);
    }

    public void setError(String recogniser) {
        this.error = conditions(recogniser);
    }

    /** The field of an error holding its code (Alpaca's number, Massive's status word). */
    public void setErrorCode(String field) {
        this.errorCode = field;
    }

    public void setErrorMessage(String field) {
        this.errorMessage = field;
    }

    /** The field of the subscription reply listing every bar symbol held; empty: the reply acknowledges only. */
    public void setSubscribedList(String field) {
        this.subscribedList = field == null ? "" : field;
    }

    /** The authentication message, {VARIABLE}s read from the environment when it is sent; empty: none. */
    public void setAuthMessage(String message) {
        this.authMessage = message == null ? "" : message;
    }

    /** The subscription message, {symbols} replaced by the symbols. */
    public void setSubscribeMessage(String message) {
        this.subscribeMessage = message;
    }

    public void setUnsubscribeMessage(String message) {
        this.unsubscribeMessage = message == null ? "" : message;
    }

    /** How {symbols} is written: json (a JSON array of strings) or comma (a comma-separated list). */
    public void setSymbolsAs(String symbolsAs) {
        this.symbolsAs = symbolsAs.trim();
    }

    /** Put before each symbol in {symbols} (Massive: AM.). */
    public void setSymbolPrefix(String prefix) {
        this.symbolPrefix = prefix == null ? "" : prefix;
    }

    /** Error codes meaning the keys were refused: the stream stops, no retry can help. */
    public void setKeysRefused(String codes) {
        this.keysRefused = words(codes);
    }

    /** The ERROR line for refused keys: name the variables to fix. */
    public void setKeysRefusedMessage(String message) {
        this.keysRefusedMessage = message;
    }

    /** Error codes meaning the plan lacks this stream's feed: the stream stops, no retry can help. */
    public void setPlanRefused(String codes) {
        this.planRefused = words(codes);
    }

    /** The ERROR line for a refused plan: name the setting to fix. */
    public void setPlanRefusedMessage(String message) {
        this.planRefusedMessage = message;
    }

    /** Error codes meaning another client holds the account's connection: wait at least connection-limit-backoff. */
    public void setConnectionLimit(String codes) {
        this.connectionLimit = words(codes);
    }

    /** Error codes that change nothing (Alpaca 403: already authenticated). */
    public void setHarmless(String codes) {
        this.harmless = words(codes);
    }

    public void setTime(String field) {
        this.time = field;
    }

    /** How time is written: rfc3339, epoch-millis, epoch-seconds or epoch-nanos. */
    public void setTimeFormat(String format) {
        this.timeFormat = TimeFormat.of(format);
    }

    public void setOpen(String field) {
        this.open = field;
    }

    public void setHigh(String field) {
        this.high = field;
    }

    public void setLow(String field) {
        this.low = field;
    }

    public void setClose(String field) {
        this.close = field;
    }

    public void setVolume(String field) {
        this.volume = field;
    }

    /** The trade count's field; empty: the provider sends none. */
    public void setTradeCount(String field) {
        this.tradeCount = field == null ? "" : field;
    }

    public void setVwap(String field) {
        this.vwap = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return "StreamProtocol[type=" + type + ", bars=" + barTypes + "]";
    }
}
