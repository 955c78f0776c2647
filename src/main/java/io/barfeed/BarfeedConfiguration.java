package io.barfeed;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import io.barfeed.settings.BarfeedProperties;
import io.barfeed.simulator.SimulatorLauncher;
import io.barfeed.start.ApiKeysCheck;
import io.barfeed.start.RoutesReload;
import io.barfeed.start.StartupMarks;
import io.barfeed.start.UnknownSettingsCheck;
import io.barfeed.store.StatementTimeout;

/** Beans every part of barfeed shares. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BarfeedProperties.class)
public class BarfeedConfiguration {

    /** Wall time: deadlines, waits, the quota's reset, how long a run took. */
    @Bean
    @Primary
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Market time: what a run asks for (a request's end, the backfill start, today's corporate actions). The same
     * as wall time here; a test moves it to run a trading day's schedule in seconds.
     */
    @Bean
    Clock marketClock() {
        return Clock.systemUTC();
    }

    /** Refuses a barfeed.* key barfeed does not know (a typo), naming where it is set and the nearest known key. */
    @Bean
    static UnknownSettingsCheck unknownSettingsCheck() {
        return new UnknownSettingsCheck();
    }

    /** Refuses a configured database without API keys, before any bean can write to it. */
    @Bean
    static ApiKeysCheck apiKeysCheck() {
        return new ApiKeysCheck();
    }

    /** Marks the start-up's phases for the start-up line. */
    @Bean
    static StartupMarks startupMarks() {
        return new StartupMarks();
    }

    /** PostgreSQL cancels a statement stuck past barfeed.store.statement-timeout (a lock held elsewhere). */
    @Bean
    static StatementTimeout statementTimeout(Environment environment) {
        return new StatementTimeout(environment.getProperty(
                "barfeed.store.statement-timeout", Duration.class, BarfeedProperties.Store.STATEMENT_TIMEOUT));
    }

    /**
     * camel-http's timeouts from barfeed.fetch.connect-timeout and response-timeout (durations; camel-http takes
     * milliseconds), after camel.component.http.*: a camel.component.http timeout set explicitly is left as set.
     */
    @Bean
    ComponentCustomizer httpTimeouts(BarfeedProperties settings, Environment environment) {
        long connect = settings.fetch().connectTimeout().toMillis();
        long response = settings.fetch().responseTimeout().toMillis();
        return ComponentCustomizer.builder(HttpComponent.class)
                .withOrder(org.apache.camel.Ordered.LOWEST)
                .build(http -> {
                    if (!environment.containsProperty("camel.component.http.connect-timeout")) {
                        http.setConnectTimeout(connect);
                    }
                    if (!environment.containsProperty("camel.component.http.connection-request-timeout")) {
                        http.setConnectionRequestTimeout(connect);
                    }
                    if (!environment.containsProperty("camel.component.http.response-timeout")) {
                        http.setResponseTimeout(response);
                    }
                    if (!environment.containsProperty("camel.component.http.so-timeout")) {
                        http.setSoTimeout(response);
                    }
                });
    }

    /** Live reload of the route files (barfeed.routes.reload): each edit checked before it replaces its routes. */
    @Bean
    @ConditionalOnProperty(name = "barfeed.routes.reload", havingValue = "true")
    CamelContextConfiguration routesReload(BarfeedProperties settings) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                try {
                    camel.addService(new RoutesReload(settings.routes().dir().toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "cannot watch the route files of "
                                    + settings.routes().dir(),
                            e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {}
        };
    }

    /** The built-in simulator, started before any bean so that all of them see its address. */
    @Bean
    static SimulatorLauncher simulatorLauncher() {
        return new SimulatorLauncher();
    }
}
