package io.barfeed.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.barfeed.settings.BarfeedProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url}, barfeed starts a real PostgreSQL of its own (zonky's
 * embedded binaries), keeping its data under {@code barfeed.embedded.data-dir} between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(BarfeedProperties settings) throws IOException {
        Path dataDir = settings.embedded().dataDir();
        int port = settings.embedded().port();
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        LOG.debug("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir.toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, BarfeedProperties settings) {
        String jdbcParameters = settings.embedded().jdbcParameters() == null
                ? ""
                : settings.embedded().jdbcParameters();
        String url =
                postgres.getJdbcUrl("postgres", "postgres") + (jdbcParameters.isBlank() ? "" : "&" + jdbcParameters);
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username("postgres")
                .build();
    }
}
