package io.barfeed.start;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import io.barfeed.provider.Provider;
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
        List<String> missing = Provider.keyVariables(environment).stream()
                .filter(name -> environment.getProperty(name, "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingApiKeys(Provider.name(environment), missing);
        }
    }
}
