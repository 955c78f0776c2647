package io.barfeed.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.barfeed.settings.KnownSettings.Key;

import tools.jackson.databind.JsonNode;

/**
 * The settings renamed from milliseconds ({@code barfeed.fetch.run-timeout-ms=1800000}) to durations
 * ({@code barfeed.fetch.run-timeout=30m}) still take effect under their old names, read as milliseconds, with one
 * WARN naming the new key; a new name set as high or higher wins; the start knows the old names.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeprecatedSettingsTest {

    final StandardEnvironment environment = new StandardEnvironment();
    final Map<String, Object> commandLine = new HashMap<>();
    final Map<String, Object> variables = new HashMap<>();
    final Map<String, Object> applicationYaml = new HashMap<>(Map.of(
            "barfeed.fetch.run-timeout", "30m",
            "barfeed.fetch.retry-delay", "500ms",
            "barfeed.store.retry-delay", "200ms",
            "barfeed.progress.interval", "5s"));

    @Test
    void anOldNameOnTheCommandLineTakesEffectInMillisecondsAndWarnsOnce(CapturedOutput output) {
        commandLine.put("barfeed.fetch.run-timeout-ms", "1234");

        BarfeedProperties settings = bind();
        bind(); // read again: still one warning

        assertThat(settings.fetch().runTimeout()).isEqualTo(Duration.ofMillis(1234));
        assertThat(environment.getProperty("barfeed.fetch.run-timeout")).isEqualTo("1234");
        assertThat(settings.fetch().retryDelay()).isEqualTo(Duration.ofMillis(500)); // not renamed here: as set
        String warning = "barfeed.fetch.run-timeout-ms is deprecated: set barfeed.fetch.run-timeout instead";
        assertThat(output.getOut().split(warning, -1)).as("one warning").hasSize(2);
        assertThat(output.getOut()).doesNotContain("retry-delay-ms is deprecated");
    }

    @Test
    void anOldNameInTheSameFileAsTheNewOnesDefaultStillTakesEffect() {
        applicationYaml.put("barfeed.progress.interval-ms", 300); // a YAML number

        assertThat(bind().progress().interval()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aNewNameSetAboveAnOldOneWins(CapturedOutput output) {
        commandLine.put("barfeed.store.retry-delay", "2s");
        applicationYaml.put("barfeed.store.retry-delay-ms", 15);

        assertThat(bind().store().retryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(output.getOut()).doesNotContain("is deprecated");
    }

    @Test
    void anOldNameAsAnEnvironmentVariableTakesEffect() {
        variables.put("BARFEED_FETCH_MAX_RETRY_DELAY_MS", "7000");
        variables.put("BARFEED_FETCH_CONNECTTIMEOUTMS", "1500");

        BarfeedProperties settings = bind();

        assertThat(settings.fetch().maxRetryDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.fetch().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void everyOldNameIsKnownAndDeprecatedInTheMetadataWithItsReplacement() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : SettingsDocumentationTest.metadata().get("properties")) {
            properties.put(property.get("name").asString(), property);
        }
        KnownSettings known = KnownSettings.fromMetadata();

        assertThat(DeprecatedSettings.RENAMED).hasSize(7);
        DeprecatedSettings.RENAMED.forEach((old, renamed) -> {
            assertThat(properties).as("metadata of %s", renamed).containsKey(renamed);
            assertThat(properties
                            .get(old)
                            .path("deprecation")
                            .path("replacement")
                            .asString())
                    .as("replacement of %s", old)
                    .isEqualTo(renamed);
            assertThat(known.knows(new Key(old, false))).as(old).isTrue();
            String variable =
                    old.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            assertThat(known.knows(new Key(variable, true))).as(variable).isTrue();
        });
    }

    /** The sources as a start has them: command line, environment, application.yaml; then the post-processor. */
    private BarfeedProperties bind() {
        MutablePropertySources sources = environment.getPropertySources();
        if (!sources.contains("commandLineArgs")) {
            sources.addFirst(new MapPropertySource("commandLineArgs", commandLine));
            sources.addAfter(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
            sources.addLast(new MapPropertySource("Config resource 'file [application.yaml]'", applicationYaml));
            new DeprecatedSettings().postProcessEnvironment(environment, new SpringApplication());
            ConfigurationPropertySources.attach(environment);
        }
        return Binder.get(environment).bindOrCreate("barfeed", BarfeedProperties.class);
    }
}
