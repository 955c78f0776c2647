package io.barfeed.start;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * A once-run serves nothing and is watched by nobody: it needs no web server, Jolokia, actuator endpoint, health
 * check, secrets vault, method validation, route template, REST configuration or supervised route controller.
 * Their auto-configurations are left out before Spring even reads them, which is most of what a once-run's start-up
 * spends in Spring (docs/performance.md). The metrics registry stays (barfeed counts into it; the once-run's memory
 * line reads it), and so does the build's version (the start-up line names it).
 */
public class OnceModeAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    static final List<String> LEFT_OUT = List.of(
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springframework.boot.health.autoconfigure.",
            "org.springframework.boot.webmvc.autoconfigure.",
            "org.springframework.boot.servlet.autoconfigure.",
            "org.springframework.boot.tomcat.autoconfigure.",
            "org.springframework.boot.http.converter.autoconfigure.",
            "org.springframework.boot.jackson.autoconfigure.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.jdbc.autoconfigure.health.",
            "org.springframework.boot.jdbc.autoconfigure.metrics.",
            "org.springframework.boot.transaction.jta.",
            "org.springframework.boot.autoconfigure.admin.",
            "org.springframework.boot.autoconfigure.task.",
            "org.springframework.boot.autoconfigure.availability.",
            "org.springframework.boot.autoconfigure.ssl.",
            "org.springframework.boot.autoconfigure.jmx.",
            "org.springframework.boot.autoconfigure.aop.",
            "org.springframework.boot.validation.autoconfigure.",
            "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
            "org.springframework.boot.quartz.autoconfigure.QuartzEndpointAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
            "org.jolokia.",
            "org.apache.camel.spring.boot.actuate.",
            "org.apache.camel.spring.boot.vault.",
            "org.apache.camel.spring.boot.security.",
            "org.apache.camel.spring.boot.trace.",
            "org.apache.camel.spring.boot.errorregistry.",
            "org.apache.camel.spring.boot.routetemplate.",
            "org.apache.camel.spring.boot.cluster.",
            "org.apache.camel.spring.boot.routecontroller.",
            "org.apache.camel.model.rest.springboot.");

    private static final String METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure.";

    static final List<String> KEPT = List.of(
            METRICS + "MetricsAutoConfiguration",
            METRICS + "CompositeMeterRegistryAutoConfiguration",
            METRICS + "export.simple.SimpleMetricsExportAutoConfiguration");

    private boolean once;

    @Override
    public void setEnvironment(Environment environment) {
        once = environment.getProperty("barfeed.once", Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String name = autoConfigurationClasses[i];
            match[i] = !once
                    || name == null
                    || KEPT.contains(name)
                    || LEFT_OUT.stream().noneMatch(name::startsWith);
        }
        return match;
    }
}
