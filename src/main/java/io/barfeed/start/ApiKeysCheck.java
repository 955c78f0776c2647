package io.barfeed.start;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import io.barfeed.provider.Provider;
import io.barfeed.provider.Providers;
import io.barfeed.simulator.SimulatorPolicy;

/**
 * A configured database without the provider's API keys is a mistake (a cron job that lost its environment),
 * never a reason to invent prices: barfeed refuses to start before any bean is made, so nothing is written.
 */
public class ApiKeysCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (SimulatorPolicy.embeddedDatabase(environment) || SimulatorPolicy.serves(environment)) {
            return;
        }
        // The provider of the bars, and those of the reference datasets a run loads.
        for (String provider : Providers.namesInUse(environment)) {
            List<String> missing = Provider.keyVariables(environment, List.of(provider)).stream()
                    .filter(name -> environment.getProperty(name, "").isBlank())
                    .toList();
            if (!missing.isEmpty()) {
                throw new MissingApiKeys(provider, missing);
            }
        }
    }
}
