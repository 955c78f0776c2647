package io.barfeed.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a database already has every migration barfeed ships for one of its schemas, told by one query of Flyway's
 * history table: then a start need not load Flyway, scan its migrations and validate them, and a once-run starts
 * that much sooner. A database that misses one (or has a failed one, or no history yet) is migrated by Flyway as
 * always, validation included.
 */
public final class SchemaVersions {

    // Flyway's versioned migrations, SQL or Java: V1__name.sql, V2__Name.class, V1_1__name.sql.
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.(sql|class)");

    private SchemaVersions() {}

    /**
     * @param location the migrations' classpath folder, as Flyway names it ({@code classpath:db/bookkeeping})
     * @param history Flyway's history table, schema-qualified where it is not the current schema
     */
    public static boolean current(DataSource dataSource, String location, String history) {
        Set<String> shipped = shipped(location);
        Set<String> applied = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT version, success FROM " + history + " WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false; // a failed migration: Flyway says what to do
                }
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history table yet (a new database)
        }
        return !shipped.isEmpty() && applied.containsAll(shipped);
    }

    /** The versions of the migrations under {@code location}, written as Flyway records them (1, 1.1). */
    static Set<String> shipped(String location) {
        String folder = location.replaceFirst("^classpath:", "");
        Set<String> versions = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/V*")) {
                Matcher m = VERSIONED.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    versions.add(m.group(1).replace('_', '.'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations of " + location, e);
        }
        return versions;
    }
}
