package io.barfeed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.apache.camel.component.sql.DefaultRowMapperFactory;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The rows the SQL component reads (camel.component.sql.row-mapper-factory): a {@code timestamp without time zone}
 * comes as the wall-clock time it holds (a {@link LocalDateTime}, which barfeed reads as UTC), not as a
 * {@code java.sql.Timestamp} that pgjdbc would place in the JVM's default time zone. So a universe query's naive
 * {@code since} means the same on every machine, whatever its zone. Every other column is read as by default.
 */
@Component("utcRows")
public class UtcRows extends DefaultRowMapperFactory {

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return new ColumnMapRowMapper() {
            @Override
            protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
                if ("timestamp".equals(rs.getMetaData().getColumnTypeName(index))) {
                    return rs.getObject(index, LocalDateTime.class);
                }
                return super.getColumnValue(rs, index);
            }
        };
    }
}
