package io.barfeed.start;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.reference.Dataset;
import io.barfeed.reference.ReferenceData;
import io.barfeed.schema.DataSchemaMigration;
import io.barfeed.settings.BadSetting;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.store.CopyIn;
import io.barfeed.store.NamedSql;

/**
 * Checks at start-up what only the database can tell: the SQL statements the integration team writes (the universe,
 * the insert, each reference dataset's query and insert) and COPY's target. The database parses the statements and
 * runs a COPY of no rows (rolled back), so a missing table or column is named with its setting before the first
 * fire. Everything else is checked where the settings are bound ({@link BarfeedProperties}).
 */
@Component
public class DatabaseChecks implements InitializingBean {

    static final Set<String> INSERT_PARAMETERS = Set.copyOf(BarRow.FIELDS);
    static final Set<String> UNIVERSE_PARAMETERS = Set.of("timeframe");
    static final Set<String> REFERENCE_QUERY_PARAMETERS = Set.of("dataset");
    // A table (maybe schema-qualified or quoted) and a parenthesised column list; no commas in quoted names.
    private static final Pattern COPY_TARGET = Pattern.compile("\\s*([^\\s(]+)\\s*\\(([^)]+)\\)\\s*");

    private final BarfeedProperties.Store store;
    private final String universeQuery;
    private final DataSource dataSource;
    private final CopyIn copyIn;
    private final ReferenceData referenceData;

    public DatabaseChecks(
            BarfeedProperties settings,
            DataSource dataSource,
            CopyIn copyIn,
            ReferenceData referenceData,
            ObjectProvider<FlywayMigrationInitializer> bookkeeping,
            ObjectProvider<DataSchemaMigration> schema) {
        this.store = settings.store();
        this.universeQuery = settings.universe().query();
        this.dataSource = dataSource;
        this.copyIn = copyIn;
        this.referenceData = referenceData;
        bookkeeping.ifAvailable(m -> {}); // both migrations first: the statements may name their tables
        schema.ifAvailable(m -> {});
    }

    @Override
    public void afterPropertiesSet() {
        checkUniverseQuery();
        checkInsert();
        checkCopy();
        checkReferenceData();
        StartupPhases.mark(StartupPhases.Mark.DATABASE_READY);
    }

    private void checkUniverseQuery() {
        String key = "barfeed.universe.query";
        String sql = universeQuery;
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
        String sql = store.insert();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(positional(key, sql, INSERT_PARAMETERS))) {
            ps.getParameterMetaData(); // makes PostgreSQL parse the statement
        } catch (SQLException e) {
            throw new BadSetting(key, "the database rejects it: " + e.getMessage(), e);
        }
    }

    /** Each reference dataset's query gives stock_id and symbol, and the database takes its insert. */
    private void checkReferenceData() {
        for (Dataset dataset : referenceData.all()) {
            String key = dataset.setting("query");
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement(positional(key, dataset.query(), REFERENCE_QUERY_PARAMETERS))) {
                ResultSetMetaData columns = ps.getMetaData();
                Set<String> names = new HashSet<>();
                for (int i = 1; columns != null && i <= columns.getColumnCount(); i++) {
                    names.add(columns.getColumnLabel(i).toLowerCase());
                }
                if (!names.contains("stock_id") || !names.contains("symbol")) {
                    throw new BadSetting(key, "must return the columns stock_id and symbol; it returns " + names);
                }
            } catch (SQLException e) {
                throw new BadSetting(key, "the database rejects it: " + e.getMessage(), e);
            }
            referenceData.check(dataset); // its insert: the database gives the types its strings are converted to
        }
    }

    /** COPY's target exists and takes one column per field: CopyIn's COPY of no rows, rolled back, finds out. */
    private void checkCopy() {
        if (!copyIn.inForce()) {
            return;
        }
        String into = copyIn.target().into();
        List<String> fields = copyIn.target().fields();
        if (fields.isEmpty()) {
            throw new BadSetting(
                    "barfeed.store.copy-fields",
                    "is empty and barfeed.store.insert computes its values; name the fields for copy-into's columns"
                            + " (" + BarRow.FIELDS + ")");
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
        NamedSql statement = NamedSql.of(sql);
        List<String> unknown = statement.names().stream()
                .filter(name -> !known.contains(name))
                .map(name -> ":#" + name)
                .toList();
        if (!unknown.isEmpty()) {
            throw new BadSetting(
                    key,
                    "unknown parameters " + unknown + "; known: "
                            + known.stream().sorted().map(n -> ":#" + n).toList());
        }
        return statement.positional();
    }
}
