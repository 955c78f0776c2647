package io.barfeed.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.barfeed.TestPostgres;

/** A schema counts as current only when its history holds every migration barfeed ships, all of them successful. */
class SchemaVersionsTest {

    static final String BOOKKEEPING = "classpath:db/bookkeeping";
    static final String HISTORY = "barfeed.flyway_schema_history";

    @Test
    void theShippedVersionsAreReadFromTheMigrationsSqlAndJava() {
        assertThat(SchemaVersions.shipped(BOOKKEEPING)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void aNewDatabaseIsDueAMigratedOneIsCurrentAndAMissingOrFailedVersionMakesItDueAgain() {
        DriverManagerDataSource db = new DriverManagerDataSource(TestPostgres.newDatabase("schema_versions"));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(SchemaVersions.current(db, BOOKKEEPING, HISTORY))
                .as("no history yet")
                .isFalse();

        Flyway.configure()
                .dataSource(db)
                .schemas("barfeed")
                .locations(BOOKKEEPING)
                .load()
                .migrate();
        assertThat(SchemaVersions.current(db, BOOKKEEPING, HISTORY)).isTrue();

        jdbc.update("UPDATE " + HISTORY + " SET success = false WHERE version = '5'");
        assertThat(SchemaVersions.current(db, BOOKKEEPING, HISTORY))
                .as("a failed migration")
                .isFalse();

        jdbc.update("DELETE FROM " + HISTORY + " WHERE version = '5'");
        assertThat(SchemaVersions.current(db, BOOKKEEPING, HISTORY))
                .as("a migration not applied")
                .isFalse();
    }
}
