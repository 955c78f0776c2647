package io.barfeed.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;

/**
 * camel-sql's named parameters ({@code :#name}), parsed once per statement instead of once per row.
 * The stock strategy runs its parameter regex over the whole statement for every row of a batch; at
 * 200,000 rows that was the largest single cost of a run. A row that is a Map holding every named
 * parameter takes the fast path; anything else (expressions, headers, IN lists) goes to the stock one.
 */
@Component("namedParameters")
public class NamedParameters extends DefaultSqlPrepareStatementStrategy {

    // camel-sql's own form after it replaced '#' with '?': :?name, :?${expr}, :?in:name
    private static final Pattern NAME = Pattern.compile(":\\?(in:[^\\s,)]+|\\$\\{[^}]+}|\\$simple\\{[^}]+}|\\w+)");
    private static final List<String> NOT_PLAIN = List.of();

    private final Map<String, Parameters> byQuery = new ConcurrentHashMap<>();

    /** A statement's plain parameter names and, when all are bar fields, their indexes in {@link BarRow}. */
    private record Parameters(List<String> names, int[] barFields) {
        static Parameters of(String query) {
            List<String> names = plainNames(query);
            boolean allBarFields = !names.isEmpty() && BarRow.FIELDS.containsAll(names);
            return new Parameters(
                    names,
                    allBarFields
                            ? names.stream().mapToInt(BarRow.FIELDS::indexOf).toArray()
                            : null);
        }
    }

    @Override
    public Iterator<?> createPopulateIterator(
            String query, String preparedQuery, int expectedParams, Exchange exchange, Object value)
            throws SQLException {
        Parameters parameters = byQuery.computeIfAbsent(query, Parameters::of);
        List<String> names = parameters.names();
        if (parameters.barFields() != null && value instanceof BarRow bar) {
            List<Object> values = new ArrayList<>(names.size());
            for (int field : parameters.barFields()) {
                values.add(bar.field(field));
            }
            return values.iterator();
        }
        if (!names.isEmpty() && value instanceof Map<?, ?> row && row.keySet().containsAll(names)) {
            List<Object> values = new ArrayList<>(names.size());
            for (String name : names) {
                values.add(row.get(name));
            }
            return values.iterator();
        }
        return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, value);
    }

    /** The parameter names in order, or an empty list when any parameter is more than a plain name. */
    static List<String> plainNames(String query) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(query);
        while (m.find()) {
            String name = m.group(1);
            if (!name.matches("\\w+")) {
                return NOT_PLAIN;
            }
            names.add(name);
        }
        return names;
    }
}
