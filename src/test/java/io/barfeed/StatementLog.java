package io.barfeed;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which kind of statement wrote to a table (COPY or INSERT), recorded by a statement trigger from
 * {@code current_query()}. A statement that failed fires nothing, so a refused COPY leaves no entry.
 */
final class StatementLog {

    private StatementLog() {}

    /** Starts an empty log of the statements that insert into {@code table}. */
    static void install(JdbcTemplate jdbc, String table) {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS store_statement (kind text);
                TRUNCATE store_statement;
                CREATE OR REPLACE FUNCTION log_store_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO store_statement VALUES (upper(split_part(ltrim(current_query()), ' ', 1)));
                  RETURN NULL;
                END $$;
                CREATE OR REPLACE TRIGGER log_store_statement AFTER INSERT ON %s
                  FOR EACH STATEMENT EXECUTE FUNCTION log_store_statement();""".formatted(table));
    }

    static void clear(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE store_statement");
    }

    /** The first word of each statement that wrote, in order: COPY or INSERT. */
    static List<String> kinds(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT kind FROM store_statement", String.class);
    }
}
