package io.barfeed.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement as the settings write it for camel-sql: named parameters {@code :#name} and {@code :#${expression}}.
 * The one place that reads them, for the start-up checks, the reference data's parameter types and COPY's target.
 * (At run time camel-sql parses them itself; {@link NamedParameters} caches its parse.)
 */
public final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile(":#(\\$\\{[^}]*}|[\\w.]+)");

    private final String positional;
    private final List<String> parameters;

    private NamedSql(String positional, List<String> parameters) {
        this.positional = positional;
        this.parameters = parameters;
    }

    public static NamedSql of(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        List<String> parameters = new ArrayList<>();
        while (m.find()) {
            parameters.add(m.group(1));
        }
        return new NamedSql(m.replaceAll("?"), List.copyOf(parameters));
    }

    /** The name of the parameter {@code text} is, when it is exactly one plain parameter ({@code :#close}). */
    public static Optional<String> plainParameter(String text) {
        Matcher m = PARAMETER.matcher(text.trim());
        return m.matches() && !isExpression(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Each parameter as written after {@code :#}, in order: a name, or an expression {@code ${...}}. */
    public List<String> parameters() {
        return parameters;
    }

    /** The plain parameters' names, in order. */
    public List<String> names() {
        return parameters.stream().filter(p -> !isExpression(p)).toList();
    }

    /** The expression parameters, as written: {@code ${...}}. */
    public List<String> expressions() {
        return parameters.stream().filter(NamedSql::isExpression).toList();
    }

    /** The statement with each parameter as JDBC's {@code ?}, in the same order. */
    public String positional() {
        return positional;
    }

    private static boolean isExpression(String parameter) {
        return parameter.startsWith("${");
    }
}
