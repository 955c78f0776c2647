package io.barfeed.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.barfeed.settings.UnknownSettings;

/** Which barfeed.* keys start-up accepts beyond the metadata's, and how an unknown one is reported. */
class UnknownSettingsCheckTest {

    @Test
    void aProviderInUseAndItsRouteFilesKeysAreKnown() {
        StandardEnvironment environment = environment(Map.of(
                "barfeed.provider", "acme",
                "barfeed.acme.base-url", "http://localhost:1",
                "barfeed.acme.rate-limit.requests-per-day", "10",
                "barfeed.acme.timeframes.15Min", "15m",
                "barfeed.massive.adjusted", "true", // a provider with a route file, not in use
                "barfeed.massive.rate-limit.reset", "seconds"));

        assertThatCode(() -> UnknownSettingsCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void aDatasetLoadedOrDefinedIsKnownAMisspeltOneIsNot() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("barfeed.reference.load", "fundamentals");
        settings.put("barfeed.reference.fundamentals.provider", "alphavantage");
        settings.put("barfeed.reference.fundamentals.query", "SELECT 1");
        settings.put("barfeed.reference.fundamentals.insert", "SELECT 1");
        settings.put("barfeed.reference.later.query", "SELECT 1"); // defined, not loaded now
        settings.put("barfeed.reference.later.insert", "SELECT 1");
        settings.put("barfeed.reference.company-overveiw.provider", "massive");

        UnknownSettings refused =
                catchThrowableOfType(UnknownSettings.class, () -> UnknownSettingsCheck.check(environment(settings)));

        assertThat(refused.unknown()).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("barfeed.reference.company-overveiw.provider");
            assertThat(u.nearest()).isEqualTo("barfeed.reference.company-overview.provider");
            assertThat(u.origin()).isEqualTo("property source \"test\"");
        });
    }

    @Test
    void anEnvironmentVariableIsNamedWithItsSpellingOfTheNearestKey() {
        StandardEnvironment environment = environment(Map.of());
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        "systemEnvironment",
                        Map.of("BARFEED_FETCH_PARALELLISM", "3", "BARFEED_JAVA", "/usr/bin/java", "HOME", "/root")));

        UnknownSettings refused =
                catchThrowableOfType(UnknownSettings.class, () -> UnknownSettingsCheck.check(environment));

        assertThat(refused.getMessage())
                .isEqualTo("BARFEED_FETCH_PARALELLISM: is not a barfeed setting, set in the environment variable"
                        + " BARFEED_FETCH_PARALELLISM; did you mean barfeed.fetch.parallelism"
                        + " (BARFEED_FETCH_PARALLELISM)?");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
