package io.barfeed.start;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * A once-run ({@code barfeed.once=true}) serves nothing and is watched by nobody: no web server, no JMX (neither
 * Spring's MBeans nor Camel's, which registers several per route and processor). These settings rank above
 * application.yaml and below the command line and the environment, so an operator can still turn one back on.
 * {@link OnceModeAutoConfigurations} leaves out what they would have served.
 */
public class OnceModeSettings implements EnvironmentPostProcessor, Ordered {

    static final Map<String, Object> ONCE = Map.of(
            "spring.main.web-application-type", "none",
            "spring.jmx.enabled", "false",
            "camel.main.jmx-enabled", "false",
            // A once-run is short on purpose: Camel's warning that it ran for less than a second is not news.
            "camel.main.warn-on-early-shutdown", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("barfeed.once", Boolean.class, false)) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource once = new MapPropertySource("barfeed-once-mode", ONCE);
        String firstFile = sources.stream()
                .map(PropertySource::getName)
                .filter(name -> name.startsWith("Config resource"))
                .findFirst()
                .orElse(null);
        if (firstFile == null) {
            sources.addLast(once);
        } else {
            sources.addBefore(firstFile, once);
        }
    }

    /** After application.yaml is read (barfeed.once may be set there). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
