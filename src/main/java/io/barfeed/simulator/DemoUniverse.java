package io.barfeed.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.barfeed.schema.DataSchemaMigration;

/**
 * The demo: with the embedded database (or the simulator explicitly on) and barfeed's own schema, an empty
 * {@code stock} table gets a demo universe, the ETF DEMO and its ~200 holdings, so the default universe query
 * has something to load. Never in a configured database of its own accord (see {@link SimulatorPolicy}).
 */
@Component
@ConditionalOnProperty(name = "barfeed.simulator.seed-demo-universe", havingValue = "true", matchIfMissing = true)
public class DemoUniverse implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUniverse.class);
    private static final String ETF = "DEMO";

    private final JdbcTemplate jdbc;
    private final DataSchemaMigration schema;
    private final boolean allowed;

    public DemoUniverse(JdbcTemplate jdbc, ObjectProvider<DataSchemaMigration> schema, Environment environment) {
        this.jdbc = jdbc;
        this.schema = schema.getIfAvailable();
        this.allowed = SimulatorPolicy.mayDemo(environment);
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (!allowed || schema == null || jdbc.queryForObject("SELECT count(*) FROM stock", Long.class) > 0) {
            return;
        }
        List<String> holdings = symbols();
        jdbc.update("INSERT INTO stock (symbol, name, is_etf) VALUES (?, 'barfeed demo ETF', true)", ETF);
        jdbc.batchUpdate(
                "INSERT INTO stock (symbol, is_etf) VALUES (?, false)",
                holdings.stream().map(s -> new Object[] {s}).toList());
        jdbc.update("""
                INSERT INTO etf_holding (etf_id, holding_id, dt)
                SELECT etf.id, s.id, current_date FROM stock etf, stock s
                WHERE etf.symbol = ? AND NOT s.is_etf""", ETF);
        LOG.info("Seeded the demo universe: ETF {} with {} holdings", ETF, holdings.size());
    }

    private static List<String> symbols() throws IOException {
        try (InputStream in = new ClassPathResource("simulator/demo-universe.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }
}
