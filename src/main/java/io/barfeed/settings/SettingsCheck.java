package io.barfeed.settings;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.quartz.CronExpression;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.schema.DataSchemaMigration;
import io.barfeed.store.CopyIn;

/**
 * Checks at start-up what would otherwise fail in the middle of a run: the cron, the time zone, the
 * sizes, the two SQL statements the integration team writes and COPY's target. The database parses
 * both statements and runs a COPY of no rows (rolled back), so a missing table or column is named
 * before the first fire, with its setting.
 */
@Component
public class SettingsCheck implements InitializingBean {

    static final Set<String> INSERT_PARAMETERS = Set.copyOf(BarRow.FIELDS);
    static final Set<String> UNIVERSE_PARAMETERS = Set.of("timeframe");
    // A table (maybe schema-qualified or quoted) and a parenthesised column list; no commas in quoted names.
    private static final Pattern COPY_TARGET = Pattern.compile("\\s*([^\\s(]+)\\s*\\(([^)]+)\\)\\s*");
    private static final Pattern NAMED = Pattern.compile(":#(\\$\\{[^}]*}|[\\w.]+)");

    private final Environment env;
    private final DataSource dataSource;
    private final CopyIn copyIn;

    public SettingsCheck(
            Environment env,
            DataSource dataSource,
            CopyIn copyIn,
            ObjectProvider<FlywayMigrationInitializer> bookkeeping,
            ObjectProvider<DataSchemaMigration> schema) {
        this.env = env;
        this.dataSource = dataSource;
        this.copyIn = copyIn;
        bookkeeping.ifAvailable(m -> {}); // both migrations first: the statements may name their tables
        schema.ifAvailable(m -> {});
    }

    @Override
    public void afterPropertiesSet() {
        String cron = env.getProperty("barfeed.schedule.cron", "");
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw new BadSetting(
                    "barfeed.schedule.cron",
                    "'" + cron + "' is not a Quartz cron (" + e.getMessage()
                            + "); e.g. \"0 */15 * ? * MON-FRI\" is every 15 minutes on weekdays");
        }
        String zone = env.getProperty("barfeed.schedule.time-zone", "");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadSetting(
                    "barfeed.schedule.time-zone", "'" + zone + "' is not a time zone (e.g. America/New_York)");
        }
        range("barfeed.fetch.page-limit", 1, 10_000);
        range("barfeed.fetch.parallelism", 1, 1_000);
        range("barfeed.fetch.symbols-per-request", 1, 10_000);
        range("barfeed.store.batch-size", 1, 1_000_000);
        range("barfeed.fetch.requests-per-minute", 1, 1_000_000);
        checkUniverseQuery();
        checkInsert();
        checkCopy();
    }

    private void range(String key, int min, int max) {
        String value = env.getProperty(key, "");
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadSetting(key, "'" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
            throw new BadSetting(key, number + " is outside " + min + ".." + max);
        }
    }

    private void checkUniverseQuery() {
        String key = "barfeed.universe.query";
        String sql = env.getProperty(key, "");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(positional(key, sql, UNIVERSE_PARAMETERS))) {
            ResultSetMetaData columns = ps.getMetaData();
            Set<String> names = new HashSet<>();
            for (int i = 1; columns != null && i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnLabel(i).toLowerCase());
            }
            if (!names.contains("stock_id") || !names.contains("symbol")) {
                throw new BadSetting(
                        key, "must return the columns stock_id and symbol (and optionally since); it returns " + names);
            }
        } catch (SQLException e) {
            throw new BadSetting(key, "the database rejects it: " + e.getMessage(), e);
        }
    }

    private void checkInsert() {
        String key = "barfeed.store.insert";
        String sql = env.getProperty(key, "");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(positional(key, sql, INSERT_PARAMETERS))) {
            ps.getParameterMetaData(); // makes PostgreSQL parse the statement
        } catch (SQLException e) {
            throw new BadSetting(key, "the database rejects it: " + e.getMessage(), e);
        }
    }

    /** COPY's target exists and takes one column per field: CopyIn's COPY of no rows, rolled back, finds out. */
    private void checkCopy() {
        String flag = env.getProperty("barfeed.store.copy", "");
        if (!flag.equals("true") && !flag.equals("false")) {
            throw new BadSetting("barfeed.store.copy", "'" + flag + "' is neither true nor false");
        }
        if (flag.equals("false")) {
            return;
        }
        String into = env.getProperty("barfeed.store.copy-into", "");
        List<String> fields = CopyIn.fields(env);
        List<String> unknown =
                fields.stream().filter(f -> !BarRow.FIELDS.contains(f)).toList();
        if (fields.isEmpty() || !unknown.isEmpty()) {
            throw new BadSetting(
                    "barfeed.store.copy-fields",
                    (fields.isEmpty() ? "is empty" : "unknown fields " + unknown) + "; known: " + BarRow.FIELDS);
        }
        Matcher columns = COPY_TARGET.matcher(into);
        if (!columns.matches()) {
            throw new BadSetting(
                    "barfeed.store.copy-into",
                    "'" + into + "' is not a table and its columns, e.g. " + "bar (symbol, timeframe, ts)");
        }
        int columnCount = columns.group(2).split(",").length;
        if (columnCount != fields.size()) {
            throw new BadSetting(
                    "barfeed.store.copy-into",
                    "has " + columnCount + " columns for the " + fields.size()
                            + " fields of barfeed.store.copy-fields");
        }
        try {
            copyIn.tryTarget();
        } catch (SQLException | IOException e) {
            throw new BadSetting("barfeed.store.copy-into", "the database rejects it: " + e.getMessage(), e);
        }
    }

    /** The statement with its {@code :#name} parameters as JDBC {@code ?}, after checking their names. */
    static String positional(String key, String sql, Set<String> known) {
        if (sql.isBlank()) {
            throw new BadSetting(key, "is empty");
        }
        Matcher m = NAMED.matcher(sql);
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("${") && !known.contains(name)) {
                unknown.add(":#" + name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadSetting(
                    key,
                    "unknown parameters " + unknown + "; known: "
                            + known.stream().sorted().map(n -> ":#" + n).toList());
        }
        return m.replaceAll("?");
    }
}
