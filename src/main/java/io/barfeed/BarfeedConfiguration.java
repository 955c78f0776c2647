package io.barfeed;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.barfeed.settings.BarfeedProperties;
import io.barfeed.simulator.SimulatorLauncher;
import io.barfeed.start.ApiKeysCheck;

/** Beans every part of barfeed shares. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BarfeedProperties.class)
public class BarfeedConfiguration {

    /** The clock that decides a request's end; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Refuses a configured database without API keys, before any bean can write to it. */
    @Bean
    static ApiKeysCheck apiKeysCheck() {
        return new ApiKeysCheck();
    }

    /** The built-in simulator, started before any bean so that all of them see its address. */
    @Bean
    static SimulatorLauncher simulatorLauncher() {
        return new SimulatorLauncher();
    }
}
