package io.barfeed.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The places that describe barfeed's settings agree: application.yaml (what runs) and the configuration metadata
 * the jar carries (what an IDE shows, generated from {@link BarfeedProperties} and its Javadoc) hold the same
 * {@code barfeed.*} keys with the same defaults, each described; docs/configuration.md (what a person reads) is
 * generated from the two ({@link ConfigurationReference}) and must be the same as generating it now.
 */
class SettingsDocumentationTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    @Test
    void everySettingInApplicationYamlIsInTheMetadataWithTheSameDefault() throws IOException {
        Map<String, String> metadata = metadataDefaults();
        Map<String, String> yaml = applicationYaml(mapSettings());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metadata.keySet())
                .as("keys in the metadata (BarfeedProperties) vs application.yaml")
                .isEqualTo(yaml.keySet());
        for (String key : yaml.keySet()) {
            String inYaml = yaml.get(key);
            if (metadata.get(key) == null && !inYaml.isEmpty()) { // an SQL statement: its default is the file's
                continue;
            }
            softly.assertThat(Objects.toString(metadata.get(key), ""))
                    .as("metadata default of %s", key)
                    .isEqualTo(inYaml);
        }
        softly.assertAll();
    }

    /**
     * docs/configuration.md's tables are what {@link ConfigurationReference} makes of the metadata and
     * application.yaml now. With {@code -Ddocs.regenerate=true} the test rewrites them instead.
     */
    @Test
    void docsConfigurationIsGeneratedFromTheMetadataAndApplicationYaml() throws IOException {
        Path doc = ConfigurationReference.DOC;
        String current = Files.readString(doc);
        String generated = ConfigurationReference.document(current);
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(doc, generated);
            return;
        }
        if (!generated.equals(current)) {
            fail(doc + " is out of date with the settings metadata (BarfeedProperties and its Javadoc) and"
                    + " application.yaml.\n" + differences(current, generated) + "Regenerate it with\n    "
                    + ConfigurationReference.REGENERATE + "\nand commit it.");
        }
    }

    /** The lines only one side has, the file's with "-", the generated ones with "+". */
    static String differences(String current, String generated) {
        List<String> now = current.lines().toList();
        List<String> wanted = generated.lines().toList();
        StringBuilder out = new StringBuilder();
        now.stream()
                .filter(line -> !wanted.contains(line))
                .forEach(line -> out.append("  - ").append(line).append('\n'));
        wanted.stream()
                .filter(line -> !now.contains(line))
                .forEach(line -> out.append("  + ").append(line).append('\n'));
        return out.isEmpty() ? "  (the same lines, in another order)\n" : out.toString();
    }

    @Test
    void everySettingInTheMetadataIsDescribed() throws IOException {
        for (JsonNode property : metadata().get("properties")) {
            if (property.get("name").asString().startsWith("barfeed.")) {
                assertThat(property.path("description").asString())
                        .as("description of %s", property.get("name").asString())
                        .isNotBlank();
            }
        }
    }

    /** The default profile's barfeed.* settings, flattened, as text; a setting that is a map is one setting. */
    static Map<String, String> applicationYaml(Set<String> maps) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("application.yaml"))) {
            Object first = new Yaml().loadAll(reader).iterator().next();
            Map<String, String> flat = new TreeMap<>();
            flatten("", ((Map<?, ?>) first).get("barfeed"), flat, maps);
            return flat;
        }
    }

    private static void flatten(String prefix, Object value, Map<String, String> into, Set<String> maps) {
        if (value instanceof Map<?, ?> map && !maps.contains(prefix)) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? "barfeed." + k : prefix + "." + k, v, into, maps));
        } else {
            into.put(prefix, text(value));
        }
    }

    /** The settings the metadata types as maps (a provider's timeframes table). */
    static Set<String> mapSettings() throws IOException {
        Set<String> maps = new TreeSet<>();
        for (JsonNode property : metadata().get("properties")) {
            if (property.path("type").asString().startsWith("java.util.Map")) {
                maps.add(property.get("name").asString());
            }
        }
        return maps;
    }

    static Map<String, String> metadataDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        for (JsonNode property : metadata().get("properties")) {
            String name = property.get("name").asString();
            if (!name.startsWith("barfeed.") || isDeprecated(property)) {
                continue; // an old name (DeprecatedSettings): application.yaml and the README write the new one
            }
            JsonNode value = property.get("defaultValue");
            boolean list = property.path("type").asString().startsWith("java.util.List");
            if (list && value != null && value.isString() && !value.asString().startsWith("[")) {
                value = JsonNodeFactory.instance.stringNode(
                        "[" + value.asString() + "]"); // a list of one, as its element
            }
            defaults.put(
                    name,
                    value == null ? (list ? "[]" : null) : value.isString() ? value.asString() : value.toString());
        }
        return defaults;
    }

    static boolean isDeprecated(JsonNode property) {
        return property.has("deprecation") || property.path("deprecated").asBoolean(false);
    }

    static JsonNode metadata() throws IOException {
        try (InputStream in =
                SettingsDocumentationTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** A YAML value as the metadata writes it: lists in brackets, placeholders by their fallback, null as empty. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        Matcher placeholder = PLACEHOLDER.matcher(value.toString());
        return placeholder.matches() ? placeholder.group(1) : value.toString().strip();
    }
}
