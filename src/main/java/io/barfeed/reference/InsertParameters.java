package io.barfeed.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postgresql.util.PGobject;

import io.barfeed.settings.BadSetting;
import io.barfeed.store.NamedSql;

/**
 * The named parameters of a reference dataset's insert and the type the database gives each one (it infers them
 * from the columns and expressions they are used in), so that a provider's strings are converted to them: numbers,
 * whole numbers, dates, times, booleans, JSON, text. {@code "None"}, {@code "-"} and {@code ""} are NULL whatever
 * the type: that is how providers write a value they do not have.
 */
final class InsertParameters {

    private final Map<String, Type> types;

    private InsertParameters(Map<String, Type> types) {
        this.types = types;
    }

    /** One parameter's type as the database gave it. */
    private record Type(int sql, String name) {}

    /** Asks the database for the types of the parameters of {@code insert} (setting {@code key}). */
    static InsertParameters of(Connection connection, String key, String insert) {
        NamedSql statement = NamedSql.of(insert);
        if (!statement.expressions().isEmpty()) {
            throw new BadSetting(
                    key,
                    "takes plain :#name parameters only, not :#"
                            + statement.expressions().get(0));
        }
        List<String> names = statement.names();
        Map<String, Type> types = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(statement.positional())) {
            ParameterMetaData meta = ps.getParameterMetaData();
            for (int i = 0; i < names.size(); i++) {
                types.putIfAbsent(
                        names.get(i), new Type(meta.getParameterType(i + 1), meta.getParameterTypeName(i + 1)));
            }
        } catch (SQLException e) {
            throw new BadSetting(key, "the database rejects it: " + e.getMessage(), e);
        }
        return new InsertParameters(types);
    }

    /** The parameter names, in the statement's order. */
    List<String> names() {
        return List.copyOf(types.keySet());
    }

    /**
     * {@code text} as the parameter {@code name} takes it.
     *
     * @throws RecordRejected when the text is not a value of its type
     */
    Object convert(String name, String text) {
        if (text == null || text.isBlank() || text.equals("None") || text.equals("-")) {
            return null;
        }
        Type type = types.get(name);
        String value = text.strip();
        try {
            return switch (type.sql()) {
                case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> new BigDecimal(value);
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
                    new BigDecimal(value).longValueExact();
                case Types.DATE -> LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> time(value);
                case Types.BOOLEAN, Types.BIT -> bool(value);
                default -> other(type, value);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new RecordRejected(
                    ":#" + name + " '" + text + "' is not a " + type.name() + " (" + e.getMessage() + ")");
        }
    }

    /** An instant with an offset, or a bare date (the start of its day in UTC). */
    private static OffsetDateTime time(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.replace(' ', 'T'));
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new NumberFormatException("not a boolean");
        };
    }

    /** JSON as JSON (a string bound to a json column is refused); text and anything else as text. */
    private static Object other(Type type, String value) {
        if (type.name().equalsIgnoreCase("json") || type.name().equalsIgnoreCase("jsonb")) {
            PGobject json = new PGobject();
            try {
                json.setType(type.name());
                json.setValue(value);
            } catch (SQLException e) {
                throw new NumberFormatException(e.getMessage());
            }
            return json;
        }
        return value;
    }
}
