package io.barfeed.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The settings tables of docs/configuration.md, generated: each {@code barfeed.*} key in application.yaml's order,
 * its type and description from the settings metadata the build makes of {@link BarfeedProperties} and its Javadoc
 * (spring-boot-configuration-processor), its default from application.yaml, with each profile's own value. The
 * text around the tables is written by hand; {@link SettingsDocumentationTest} keeps the tables in step.
 */
final class ConfigurationReference {

    static final Path DOC = Path.of("docs/configuration.md");

    /** The one command that rewrites the tables (the test it runs passes afterwards). */
    static final String REGENERATE = "./mvnw -B -q test -Dtest=SettingsDocumentationTest -Ddocs.regenerate=true";

    static final String BEGIN = "<!-- BEGIN generated settings: edit BarfeedProperties and application.yaml, then run "
            + REGENERATE + " -->";
    static final String END = "<!-- END generated settings -->";

    /** A setting whose default is an SQL statement, too long for a table cell. */
    static final String SEE_YAML = "see application.yaml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

    private ConfigurationReference() {}

    /** The document with its generated part made anew from the metadata and application.yaml. */
    static String document(String current) throws IOException {
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(DOC + " has lost its markers: put the lines\n" + BEGIN + "\n" + END
                    + "\nwhere the settings tables go, then run " + REGENERATE);
        }
        return current.substring(0, begin + BEGIN.length()) + "\n\n" + tables() + "\n" + current.substring(end);
    }

    /** One table per group of settings (barfeed.fetch, barfeed.alpaca ...), in application.yaml's order. */
    static String tables() throws IOException {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        for (JsonNode property : metadata().get("properties")) {
            metadata.put(property.get("name").asString(), property);
        }
        Set<String> maps = new TreeSet<>();
        metadata.forEach((name, property) -> {
            if (property.path("type").asString().startsWith("java.util.Map")) {
                maps.add(name);
            }
        });
        List<Object> documents = yamlDocuments();
        Map<String, Object> defaults = barfeedSettings(documents.get(0), maps);
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        for (Object document : documents.subList(1, documents.size())) {
            String profile = profile(document);
            if (profile != null) {
                profiles.put(profile, barfeedSettings(document, maps));
            }
        }

        StringBuilder out = new StringBuilder();
        String section = null;
        for (Map.Entry<String, Object> setting : defaults.entrySet()) {
            String key = setting.getKey();
            String group = group(key);
            if (!group.equals(section)) {
                section = group;
                out.append(out.isEmpty() ? "" : "\n")
                        .append("### `")
                        .append(group)
                        .append("`\n\n| key | type | default | meaning |\n|---|---|---|---|\n");
            }
            JsonNode property = metadata.get(key);
            String type = property == null ? "" : type(property.path("type").asString());
            String description = property == null
                    ? ""
                    : property.path("description").asString().replaceAll("\\s+", " ");
            out.append("| `")
                    .append(key)
                    .append("` | ")
                    .append(type)
                    .append(" | ")
                    .append(defaultOf(setting.getValue(), property) + inProfiles(key, profiles, property))
                    .append(" | ")
                    .append(escape(description))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** barfeed for top-level keys, else the first two parts: barfeed.fetch.retries is in barfeed.fetch. */
    static String group(String key) {
        String[] parts = key.split("\\.");
        return parts.length <= 2 ? "barfeed" : parts[0] + "." + parts[1];
    }

    /** A YAML value as a cell: its text in code, "empty", or a pointer for an SQL statement. */
    private static String defaultOf(Object value, JsonNode property) {
        if (value == null || "".equals(value)) {
            return "empty";
        }
        if (value instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.matches()) {
                return code(placeholder.group(2)) + " (" + code("${" + placeholder.group(1) + "}") + " when set)";
            }
            if (property == null || property.get("defaultValue") == null) {
                return SEE_YAML;
            }
        }
        return code(flow(value));
    }

    private static String inProfiles(String key, Map<String, Map<String, Object>> profiles, JsonNode property) {
        StringBuilder out = new StringBuilder();
        profiles.forEach((profile, settings) -> {
            if (settings.containsKey(key)) {
                String value = defaultOf(settings.get(key), property);
                out.append(" (profile ")
                        .append(code(profile))
                        .append(": ")
                        .append(value.equals(SEE_YAML) ? "its own" : value)
                        .append(")");
            }
        });
        return out.toString();
    }

    /** A list or map written as YAML's flow style, as application.yaml writes it. */
    private static String flow(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigurationReference::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value).strip();
    }

    private static String type(String javaType) {
        if (javaType.startsWith("java.util.List")) {
            return "list";
        }
        if (javaType.startsWith("java.util.Map")) {
            return "map";
        }
        return switch (javaType) {
            case "java.lang.Boolean", "boolean" -> "boolean";
            case "java.lang.Integer", "java.lang.Long", "int", "long" -> "integer";
            case "java.lang.Double", "double" -> "number";
            case "java.lang.String" -> "text";
            case "java.time.Duration" -> "duration";
            case "java.time.ZoneId" -> "time zone";
            case "java.nio.file.Path" -> "path";
            case "io.barfeed.settings.PointInTime" -> "date, instant or period";
            default -> javaType.substring(javaType.lastIndexOf('.') + 1);
        };
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|") + "`";
    }

    /** Markdown in a description: a table's pipe, and a lone star that would start emphasis. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("*", "\\*");
    }

    private static String profile(Object document) {
        if (document instanceof Map<?, ?> map
                && map.get("spring") instanceof Map<?, ?> spring
                && spring.get("config") instanceof Map<?, ?> config
                && config.get("activate") instanceof Map<?, ?> activate) {
            Object profile = activate.get("on-profile");
            return profile == null ? null : profile.toString();
        }
        return null;
    }

    /** A document's barfeed.* settings in its order, flattened; a setting the metadata types as a map is one. */
    static Map<String, Object> barfeedSettings(Object document, Set<String> maps) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (document instanceof Map<?, ?> map) {
            flatten("barfeed", map.get("barfeed"), flat, maps);
        }
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into, Set<String> maps) {
        if (value instanceof Map<?, ?> map && !maps.contains(prefix)) {
            map.forEach((k, v) -> flatten(prefix + "." + k, v, into, maps));
        } else if (!prefix.equals("barfeed")) {
            into.put(prefix, value);
        }
    }

    static List<Object> yamlDocuments() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("application.yaml"))) {
            List<Object> documents = new ArrayList<>();
            new Yaml().loadAll(reader).forEach(documents::add);
            return documents;
        }
    }

    static JsonNode metadata() throws IOException {
        try (InputStream in =
                ConfigurationReference.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/spring-configuration-metadata.json is not on the class path:"
                        + " spring-boot-configuration-processor makes it when BarfeedProperties is compiled");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
