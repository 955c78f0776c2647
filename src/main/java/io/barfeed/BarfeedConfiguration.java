package io.barfeed;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every part of barfeed shares. */
@Configuration(proxyBeanMethods = false)
public class BarfeedConfiguration {

    /** The clock that decides a request's end; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
