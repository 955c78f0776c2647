package io.barfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** One real PostgreSQL for the whole test JVM; each test class gets a database of its own. */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {}

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            // The server starts before Spring has set the log levels: its start-up notes would print at DEBUG.
            ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
            try {
                // Data in a new temporary folder of its own (zonky's default), removed at exit: a test JVM that was
                // killed leaves its server and data behind, and the next one must not trip over them.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off") // tests need a real server, not a durable one
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** A new empty database; returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = prefix.toLowerCase() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true";
    }
}
