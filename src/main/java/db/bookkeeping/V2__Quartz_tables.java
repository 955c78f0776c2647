package db.bookkeeping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;

/**
 * The tables of Quartz's JDBC job store (a clustered schedule, profile {@code cluster}), in schema
 * barfeed. The DDL is the one the quartz jar ships for PostgreSQL, read from it at migration time so
 * it always matches the Quartz in use; its DROP statements are left out.
 */
public class V2__Quartz_tables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : quartzDdl().split(";")) {
                String ddl = sql.lines()
                        .filter(line -> !line.trim().startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .trim();
                if (!ddl.isEmpty() && !ddl.toUpperCase().startsWith("DROP") && !ddl.equalsIgnoreCase("COMMIT")) {
                    statement.execute(ddl);
                }
            }
        }
    }

    private static String quartzDdl() throws IOException {
        try (InputStream in = PostgreSQLDelegate.class.getResourceAsStream("tables_postgres.sql")) {
            if (in == null) {
                throw new IOException("tables_postgres.sql is missing from the quartz jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
