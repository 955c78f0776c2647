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

    private final Map<String, List<String>> namesByQuery = new ConcurrentHashMap<>();
    private final Map<String, int[]> fieldsByQuery = new ConcurrentHashMap<>();

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams, Exchange exchange,
                                              Object value) throws SQLException {
        List<String> names = namesByQuery.computeIfAbsent(query, NamedParameters::plainNames);
        if (!names.isEmpty() && value instanceof BarRow bar && BarRow.FIELDS.containsAll(names)) {
            int[] fields = fieldsByQuery.computeIfAbsent(query, q -> names.stream().mapToInt(BarRow.FIELDS::indexOf).toArray());
            List<Object> values = new ArrayList<>(fields.length);
            for (int field : fields) {
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
