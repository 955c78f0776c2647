package io.barfeed.simulator;

import org.springframework.core.env.Environment;

import io.barfeed.provider.Provider;
import io.barfeed.provider.Providers;

/**
 * When the built-in simulator may answer for the market-data API. Never where it could put invented prices into
 * a real database: it serves the demo (the embedded database, with no API keys) or where
 * {@code barfeed.simulator.enabled=true} says so explicitly (tests, the benchmark).
 */
public final class SimulatorPolicy {

    private SimulatorPolicy() {}

    /** Whether the simulator serves. */
    public static boolean serves(Environment environment) {
        Boolean enabled = explicit(environment);
        if (enabled != null) {
            return enabled;
        }
        return embeddedDatabase(environment)
                && Provider.keyVariables(environment, Providers.namesInUse(environment)).stream()
                        .allMatch(name -> environment.getProperty(name, "").isBlank());
    }

    /** Whether the demo universe may be seeded: with the embedded database, or the simulator explicitly on. */
    public static boolean mayDemo(Environment environment) {
        return embeddedDatabase(environment) || Boolean.TRUE.equals(explicit(environment));
    }

    /** No {@code spring.datasource.url}: barfeed runs its own PostgreSQL. */
    public static boolean embeddedDatabase(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }

    /** barfeed.simulator.enabled when set, else null. */
    public static Boolean explicit(Environment environment) {
        String value = environment.getProperty("barfeed.simulator.enabled", "").trim();
        return value.isEmpty() ? null : Boolean.valueOf(value);
    }
}
