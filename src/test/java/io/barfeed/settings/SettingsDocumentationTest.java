package io.barfeed.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * The three places that describe barfeed's settings agree: application.yaml (what runs), the configuration metadata
 * the jar carries (what an IDE shows, generated from {@link BarfeedProperties}) and the README's configuration
 * reference (what a person reads). Each {@code barfeed.*} key appears in all three, with the same default.
 */
class SettingsDocumentationTest {

    /** A README default for a statement too long for a table cell. */
    static final String SEE_YAML = "see application.yaml";

    static final Pattern README_ROW =
            Pattern.compile("^\\| `(barfeed\\.[a-z0-9.-]+)` \\| (.*?) \\|", Pattern.MULTILINE);
    static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    @Test
    void everySettingInApplicationYamlIsInTheMetadataAndTheReadmeWithTheSameDefault() throws IOException {
        Map<String, String> metadata = metadataDefaults();
        Map<String, String> yaml = applicationYaml(mapSettings());
        Map<String, String> readme = readmeDefaults();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metadata.keySet())
                .as("keys in the metadata vs application.yaml")
                .isEqualTo(yaml.keySet());
        softly.assertThat(readme.keySet())
                .as("keys in the README vs application.yaml")
                .isEqualTo(yaml.keySet());
        for (String key : yaml.keySet()) {
            String inYaml = yaml.get(key);
            if (metadata.get(key) == null && !inYaml.isEmpty()) { // an SQL statement: documented in the file
                softly.assertThat(readme.get(key))
                        .as("README default of %s", key)
                        .isEqualTo(SEE_YAML);
                continue;
            }
            softly.assertThat(Objects.toString(metadata.get(key), ""))
                    .as("metadata default of %s", key)
                    .isEqualTo(inYaml);
            softly.assertThat(readme.get(key)).as("README default of %s", key).isEqualTo(inYaml);
        }
        softly.assertAll();
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

    /** Key and default of each row of the README's configuration tables: the first `code` of the cell. */
    static Map<String, String> readmeDefaults() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher row = README_ROW.matcher(readme);
        while (row.find()) {
            String cell = row.group(2).trim();
            Matcher code = FIRST_CODE.matcher(cell);
            defaults.put(
                    row.group(1),
                    cell.equals("empty") ? "" : cell.equals(SEE_YAML) ? SEE_YAML : code.find() ? code.group(1) : cell);
        }
        return new TreeMap<>(defaults);
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
