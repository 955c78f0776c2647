package io.barfeed.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import org.apache.camel.Body;
import org.postgresql.PGConnection;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.settings.BarfeedProperties;

/**
 * Writes a batch of bars with PostgreSQL's COPY straight into {@code barfeed.store.copy-into}, in one
 * transaction. COPY has no ON CONFLICT: a batch holding a bar already stored fails as a whole with a
 * {@link org.springframework.dao.DuplicateKeyException}, and the store route sends it through the
 * idempotent {@code barfeed.store.insert} instead. Errors are translated as camel-sql's are, so the
 * route's error handling treats both paths alike.
 */
@Component("copyIn")
public class CopyIn {

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;
    private final String copy;
    private final int[] fields;

    public CopyIn(DataSource dataSource, BarfeedProperties settings) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
        this.copy = "COPY " + settings.store().copyInto() + " FROM STDIN";
        this.fields = settings.store().copyFields().stream()
                .mapToInt(BarRow.FIELDS::indexOf)
                .toArray();
    }

    public void copy(@Body List<BarRow> batch) throws IOException {
        try {
            copyIn(CopyText.of(batch, fields), true);
        } catch (SQLException e) {
            throw translator.translate("COPY a batch of " + batch.size() + " bars", copy, e);
        }
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
