package io.barfeed.schema;

import java.util.Arrays;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * How Spring Boot's Flyway migrates barfeed's bookkeeping (schema barfeed): only when a migration is due
 * ({@link SchemaVersions}), so a start on a current schema skips Flyway's scan and validation.
 */
@Component
public class BookkeepingMigration implements FlywayMigrationStrategy {

    private final DataSource dataSource;

    public BookkeepingMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        var configuration = flyway.getConfiguration();
        String[] schemas = configuration.getSchemas();
        String history = (schemas.length > 0 ? schemas[0] + "." : "") + configuration.getTable();
        boolean current = Arrays.stream(configuration.getLocations())
                .map(Location::getDescriptor)
                .allMatch(location -> SchemaVersions.current(dataSource, location, history));
        if (!current) {
            flyway.migrate();
        }
    }
}
