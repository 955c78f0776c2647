package io.barfeed.store;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code barfeed.store.statement-timeout} on every connection of the pool, as PostgreSQL's own
 * {@code statement_timeout}: the server cancels a statement past it, from the moment any of its messages arrives
 * (JDBC's query timeout would miss the parse of a statement, which already waits for a table's lock). So a batch
 * stuck behind a lock held elsewhere fails, is retried or recorded, and the run ends; so does every other statement
 * barfeed runs on its pool (the universe query, the bookkeeping, the start-up checks). A pool that names its own
 * {@code connection-init-sql} keeps it.
 */
public class StatementTimeout implements BeanPostProcessor {

    private final Duration timeout;

    public StatementTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(initSql(timeout));
        }
        return bean;
    }

    /** The statement each new connection runs first (0: no limit). */
    static String initSql(Duration timeout) {
        return "SET statement_timeout = " + Math.max(0, timeout.toMillis());
    }
}
