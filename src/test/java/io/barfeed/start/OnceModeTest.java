package io.barfeed.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A once-run leaves out what only a running service needs; the command line can still turn it back on. */
class OnceModeTest {

    @Test
    void aOnceRunTurnsOffTheWebServerAndJmxAboveApplicationYaml() {
        StandardEnvironment environment = environment(Map.of("barfeed.once", "true", "spring.jmx.enabled", "true"));

        new OnceModeSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.jmx.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("camel.main.jmx-enabled")).isEqualTo("false");
    }

    @Test
    void theCommandLineStillWins() {
        StandardEnvironment environment = environment(Map.of("barfeed.once", "true"));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("commandLineArgs", Map.of("spring.jmx.enabled", "true")));

        new OnceModeSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.jmx.enabled")).isEqualTo("true");
    }

    @Test
    void aScheduledServiceKeepsEverything() {
        StandardEnvironment environment = environment(Map.of("spring.jmx.enabled", "true"));
        OnceModeAutoConfigurations filter = new OnceModeAutoConfigurations();
        filter.setEnvironment(environment);

        new OnceModeSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.jmx.enabled")).isEqualTo("true");
        assertThat(filter.match(
                        new String[] {"org.jolokia.support.spring.actuator.JolokiaWebEndpointAutoConfiguration"}, null))
                .containsExactly(true);
    }

    @Test
    void aOnceRunLeavesOutTheConsoleAndEndpointsButKeepsTheMetricsRegistry() {
        OnceModeAutoConfigurations filter = new OnceModeAutoConfigurations();
        filter.setEnvironment(environment(Map.of("barfeed.once", "true")));

        boolean[] match = filter.match(
                new String[] {
                    "org.jolokia.support.spring.actuator.JolokiaWebEndpointAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
                    "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
                    "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
                    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                    "org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration"
                },
                null);

        assertThat(match).containsExactly(false, false, false, false, true, true, true);
    }

    /** An environment whose application.yaml holds {@code settings}. */
    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("Config resource 'file [application.yaml]'", settings));
        return environment;
    }
}
