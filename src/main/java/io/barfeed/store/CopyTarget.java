package io.barfeed.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.barfeed.fetch.BarRow;

/**
 * Where COPY writes new bars and which bar fields it sends: read from a plain {@code barfeed.store.insert}
 * ({@code INSERT INTO t (c1, c2) VALUES (:#f1, :#f2)}, with or without its {@code ON CONFLICT} clause), whose
 * new rows COPY stores exactly as the insert would. An insert that computes a value (a cast, a function) says
 * nothing COPY could repeat: then {@code copy-into} and {@code copy-fields} must say it.
 *
 * @param into the table and its columns, as COPY names them: {@code bar (symbol, timeframe, ts)}
 * @param fields the bar field each column takes, in order
 */
public record CopyTarget(String into, List<String> fields) {

    private static final Pattern PLAIN_INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+([\\w.\"]+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)\\s*(ON\\s+CONFLICT\\b.*)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public CopyTarget {
        fields = List.copyOf(fields);
    }

    /** The target a plain insert implies; empty when the insert computes a value or names no bar field. */
    public static Optional<CopyTarget> of(String insert) {
        Matcher m = PLAIN_INSERT.matcher(insert);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> columns = split(m.group(2));
        List<String> values = split(m.group(3));
        if (columns.size() != values.size()) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        for (String value : values) {
            Optional<String> field = NamedSql.plainParameter(value).filter(BarRow.FIELDS::contains);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            fields.add(field.get());
        }
        return Optional.of(new CopyTarget(m.group(1) + " (" + String.join(", ", columns) + ")", fields));
    }

    private static List<String> split(String list) {
        return List.of(list.trim().split("\\s*,\\s*"));
    }
}
