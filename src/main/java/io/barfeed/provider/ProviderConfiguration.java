package io.barfeed.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provider of the bars, for the beans and routes that talk to it alone. */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    @Bean
    Provider provider(Providers providers) {
        return providers.bars();
    }
}
