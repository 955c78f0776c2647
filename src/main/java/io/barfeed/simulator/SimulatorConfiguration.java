package io.barfeed.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the built-in Alpaca simulator when no API key is set, and publishes its address as
 * {@code barfeed.simulator.url}, which {@code barfeed.alpaca.base-url} defaults to.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorCondition.class)
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    AlpacaSimulator alpacaSimulator(
            ConfigurableEnvironment environment,
            @Value("${barfeed.simulator.port}") int port,
            @Value("${barfeed.simulator.latency}") Duration latency,
            @Value("${barfeed.simulator.rate-limit}") int rateLimit,
            @Value("${barfeed.simulator.rate-limit-window}") Duration rateWindow,
            @Value("${barfeed.simulator.unknown-symbols:}") List<String> unknownSymbols,
            @Value("${barfeed.simulator.faults.rate-limited}") double rateLimited,
            @Value("${barfeed.simulator.faults.server-error}") double serverError,
            @Value("${barfeed.simulator.faults.connection-reset}") double connectionReset,
            @Value("${barfeed.simulator.faults.slow}") double slow,
            @Value("${barfeed.simulator.faults.garbage}") double garbage,
            @Value("${barfeed.simulator.faults.slow-delay}") Duration slowDelay,
            @Value("${barfeed.simulator.faults.seed}") long seed)
            throws IOException {
        SimulatedMarket market = new SimulatedMarket(new HashSet<>(unknownSymbols));
        Faults faults = new Faults(
                Map.of(
                        Faults.Kind.RATE_LIMITED,
                        rateLimited,
                        Faults.Kind.SERVER_ERROR,
                        serverError,
                        Faults.Kind.CONNECTION_RESET,
                        connectionReset,
                        Faults.Kind.SLOW,
                        slow,
                        Faults.Kind.GARBAGE,
                        garbage),
                slowDelay,
                seed);
        AlpacaSimulator simulator = new AlpacaSimulator(market, port, latency, rateLimit, rateWindow, faults);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "barfeed-simulator", Map.of("barfeed.simulator.url", simulator.baseUrl())));
        return simulator;
    }
}
