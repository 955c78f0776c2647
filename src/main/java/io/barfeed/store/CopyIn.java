package io.barfeed.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.apache.camel.Body;
import org.postgresql.PGConnection;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.settings.BarfeedProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a batch of new bars with PostgreSQL's COPY, in one transaction, into its {@link CopyTarget}: the settings'
 * {@code copy-into} and {@code copy-fields}, else what a plain {@code barfeed.store.insert} names. COPY has no ON
 * CONFLICT: a batch holding a bar stored after all fails as a whole with a
 * {@link org.springframework.dao.DuplicateKeyException}, and the store route sends it through the idempotent insert
 * instead. Errors are translated as camel-sql's are, so the route's error handling treats both paths alike.
 */
@Component("copyIn")
public class CopyIn {

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;
    private final Counter refused;
    private final CopyTarget target;
    private final String off;
    private final String copy;
    private final int[] fields;

    public CopyIn(DataSource dataSource, BarfeedProperties settings, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.refused = Counter.builder("barfeed.copy.refused")
                .description("Batches of new bars COPY was refused for (a bar stored after all), written by the insert")
                .register(meters);
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
        BarfeedProperties.Store store = settings.store();
        Optional<CopyTarget> fromInsert = CopyTarget.of(store.insert());
        if (!store.copy()) {
            target = null;
            off = "barfeed.store.copy is false";
        } else if (!store.copyInto().isBlank()) {
            List<String> named = store.copyFields().isEmpty()
                    ? fromInsert.map(CopyTarget::fields).orElse(List.of())
                    : store.copyFields();
            target = new CopyTarget(store.copyInto(), named);
            off = null;
        } else {
            target = fromInsert.orElse(null);
            off = target != null
                    ? null
                    : "barfeed.store.insert computes its values: set barfeed.store.copy-into and copy-fields";
        }
        this.copy = target == null ? null : "COPY " + target.into() + " FROM STDIN";
        this.fields = target == null
                ? new int[0]
                : target.fields().stream().mapToInt(BarRow.FIELDS::indexOf).toArray();
    }

    /** Whether new bars go in with COPY. */
    public boolean inForce() {
        return target != null;
    }

    /** Where COPY writes; null when it is not in force. */
    public CopyTarget target() {
        return target;
    }

    /** Why COPY is not in force; null when it is. */
    public String off() {
        return off;
    }

    public void copy(@Body List<BarRow> batch) throws IOException {
        try {
            copyIn(CopyText.of(batch, fields), true);
        } catch (SQLException e) {
            throw translator.translate("COPY a batch of " + batch.size() + " bars", copy, e);
        }
    }

    /** The store route: COPY was refused for a batch, which the insert writes instead. */
    public void refused() {
        refused.increment();
    }

    /** A COPY of no rows, rolled back: fails unless the target table and its columns take a COPY. */
    public void tryTarget() throws SQLException, IOException {
        copyIn(InputStream.nullInputStream(), false);
    }

    private void copyIn(InputStream rows, boolean commit) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, rows);
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Rolls back after a failure; a failed rollback (the connection is gone) is added to the failure. */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "copyIn";
    }
}
