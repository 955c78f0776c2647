package io.barfeed.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import io.barfeed.settings.BarfeedProperties;

/**
 * Starts the built-in simulator before any bean is made, when {@link SimulatorPolicy} allows it, and points
 * {@code barfeed.alpaca.base-url} and {@code barfeed.massive.base-url} at it: every setting, route and bean then sees
 * the simulator's address alone.
 */
public class SimulatorLauncher implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String BEAN = "apiSimulator";
    static final String STREAMS = "streamSimulator";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // Nothing to define: the simulator is a running server, registered as it is below.
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!SimulatorPolicy.serves(environment)) {
            return;
        }
        BarfeedProperties.Simulator settings =
                Binder.get(environment).bindOrCreate("barfeed.simulator", BarfeedProperties.Simulator.class);
        BarfeedProperties.Faults f = settings.faults();
        Faults faults = new Faults(
                Map.of(
                        Faults.Kind.RATE_LIMITED, f.rateLimited(),
                        Faults.Kind.SERVER_ERROR, f.serverError(),
                        Faults.Kind.CONNECTION_RESET, f.connectionReset(),
                        Faults.Kind.SLOW, f.slow(),
                        Faults.Kind.GARBAGE, f.garbage()),
                f.slowDelay(),
                f.seed());
        ApiSimulator simulator;
        StreamSimulator streams;
        SimulatedMarket market =
                new SimulatedMarket(new HashSet<>(settings.unknownSymbols()), settings.aroundTheClock());
        try {
            BarfeedProperties.SimulatorStream stream = settings.stream();
            streams = new StreamSimulator(market, 0, stream.updatedShare(), stream.pingInterval(), stream.refuse());
            simulator = new ApiSimulator(
                    market,
                    settings.port(),
                    settings.latency(),
                    settings.rateLimit(),
                    settings.rateLimitWindow(),
                    faults);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in simulator cannot start", e);
        }
        // It answers for every API it knows, whichever barfeed.provider names, REST and stream.
        Map<String, Object> served = new HashMap<>(Map.of(
                "barfeed.alpaca.base-url", simulator.baseUrl(),
                "barfeed.massive.base-url", simulator.baseUrl(),
                "barfeed.alphavantage.base-url", simulator.baseUrl(),
                "barfeed.alpaca.stream-url", streams.alpacaUrl(feedOf(environment)),
                "barfeed.massive.stream-url", streams.massiveUrl()));
        // Its streams, like the real ones, refuse an authentication without keys: the embedded defaults bring a
        // stand-in for each key not set, so the demo streams with nothing configured.
        for (String key :
                List.of("APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "MASSIVE_API_KEY", "ALPHAVANTAGE_API_KEY")) {
            if (environment.getProperty(key, "").isBlank()) {
                served.put(key, "simulator");
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("barfeed-simulator", served));
        beanFactory.registerSingleton(BEAN, simulator);
        ((DefaultListableBeanFactory) beanFactory).registerDisposableBean(BEAN, simulator::close);
        beanFactory.registerSingleton(STREAMS, streams);
        ((DefaultListableBeanFactory) beanFactory).registerDisposableBean(STREAMS, streams::close);
    }

    /** The feed the configured Alpaca stream URL names (its last path segment: iex, sip), served at the same path. */
    private static String feedOf(Environment environment) {
        String url = environment.getProperty("barfeed.alpaca.stream-url", "/v2/iex");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
