package io.barfeed.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Creates barfeed's data tables (stock, etf_holding, bar) in the database's current schema, with a
 * history of their own; {@code barfeed.schema.managed=false} skips this and leaves an existing
 * schema untouched. The run bookkeeping is Spring Boot's Flyway, in schema {@code barfeed}. Either migrates only
 * when a migration is due ({@link SchemaVersions}).
 */
@Component
@ConditionalOnProperty(name = "barfeed.schema.managed", havingValue = "true", matchIfMissing = true)
public class DataSchemaMigration implements InitializingBean {

    private static final String LOCATION = "classpath:db/bars";
    private static final String HISTORY = "barfeed_schema_history";

    private final DataSource dataSource;

    public DataSchemaMigration(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> bookkeeping) {
        this.dataSource = dataSource;
        bookkeeping.ifAvailable(m -> {}); // first: the data schema's views read barfeed's ledger
    }

    @Override
    public void afterPropertiesSet() {
        if (SchemaVersions.current(dataSource, LOCATION, HISTORY)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY)
                .load()
                .migrate();
    }
}
