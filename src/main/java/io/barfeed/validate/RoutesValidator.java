package io.barfeed.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar target/barfeed.jar validate [routes]}: checks every {@code *.camel.yaml} file
 * against the Camel YAML DSL's JSON schema (shipped in camel-yaml-dsl) and loads its routes, printing
 * {@code file:line: problem} for each error. Exit code 0 when all is well, 1 otherwise.
 */
public final class RoutesValidator {

    /** One problem of one file, where a person finds it. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.+}}");
    private static final Pattern LOADER_LINE = Pattern.compile("line (\\d+), column \\d+");

    private final Schema schema;
    // The expression languages (simple, constant, header...): a key of these where the canonical form wants
    // expression: is the compact notation.
    private final Set<String> languages = new HashSet<>();

    public RoutesValidator() throws IOException {
        try (InputStream in =
                DefaultCamelContext.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl-canonical.json")) {
            if (in == null) {
                throw new IOException("schema/camelYamlDsl-canonical.json is not on the class path (camel-yaml-dsl)");
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build();
            // Camel's schema marks deprecated options with a keyword of its own; it says nothing to validation.
            Dialect draft4 = Dialect.builder(Dialects.getDraft4())
                    .keyword(new NonValidationKeyword("deprecated"))
                    .build();
            schema = SchemaRegistry.withDefaultDialect(draft4, registry -> registry.schemaRegistryConfig(config))
                    .getSchema(in);
        }
        schema.getSchemaNode()
                .at("/items/definitions/org.apache.camel.model.language.ExpressionDefinition/properties")
                .propertyNames()
                .forEach(languages::add);
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args.length > 0 ? Path.of(args[0]) : Path.of("routes"), args.length > 0));
    }

    /**
     * Prints the problems of every route file under {@code dir}; returns the exit code. Without a folder named
     * ({@code named} false) and none here, the jar's own route files are in force: they were checked when it was
     * built.
     */
    public static int run(Path dir, boolean named) throws IOException {
        if (!Files.isDirectory(dir)) {
            System.out.println(
                    named
                            ? "no folder " + dir.toAbsolutePath()
                            : "no folder " + dir + " here: the jar's own route files are in force, checked when it"
                                    + " was built");
            return named ? 1 : 0;
        }
        // Only the problems on the console, not the start and stop of the throwaway Camel contexts.
        ((Logger) LoggerFactory.getLogger("org.apache.camel")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("com.networknt")).setLevel(Level.ERROR);
        List<Problem> problems = new RoutesValidator().validate(dir);
        problems.forEach(System.out::println);
        System.out.println(problems.isEmpty() ? "routes OK: " + dir : problems.size() + " problems in " + dir);
        return problems.isEmpty() ? 0 : 1;
    }

    public List<Problem> validate(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.walk(dir)) { // providers/ too
            files = listing.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        }
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new Problem(dir, 0, "no *.camel.yaml files"));
        }
        for (Path file : files) {
            problems.addAll(problemsOf(file));
        }
        return problems;
    }

    /** One route file's problems: against the schema, then, when it passes, loaded as Camel loads it. */
    public List<Problem> problemsOf(Path file) throws IOException {
        List<Problem> schemaProblems = schemaProblems(file);
        return schemaProblems.isEmpty() ? loadProblems(file) : schemaProblems;
    }

    /** The file against the YAML DSL schema. */
    List<Problem> schemaProblems(Path file) throws IOException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            return List.of(new Problem(file, line, "not valid YAML: " + e.getProblem()));
        }
        if (root == null) {
            return List.of(new Problem(file, 1, "the file is empty"));
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode json = toJson(root, "", lines);
        List<Error> errors = schema.validate(json);
        // The DSL converts scalars as it reads them: a {{placeholder}} where a number is due, or 60000
        // where the schema says string, work. Such values are set to what the schema expects, and the
        // file is checked again, until only real problems are left.
        for (int pass = 0; pass < 50 && coerceScalars(json, errors); pass++) {
            errors = schema.validate(json);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Error m : errors) {
            String pointer = m.getInstanceLocation().toString();
            if (m.getProperty() != null && lines.containsKey(pointer + "/" + m.getProperty())) {
                pointer = pointer + "/" + m.getProperty(); // an unknown key: its own line, not its parent's
            }
            String message = compactNotation(m, pointer);
            if (seen.add(pointer + message)) {
                problems.add(new Problem(file, lineOf(pointer, lines), message));
            }
        }
        return problems;
    }

    /**
     * What the canonical schema says of the compact notation Camel 4.22 deprecates (and warns of at start), put as
     * the line to write instead; any other problem as the schema says it.
     */
    private String compactNotation(Error m, String pointer) {
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (m.getProperty() != null && languages.contains(m.getProperty())) {
            return m.getProperty() + ": is the compact notation, deprecated since Camel 4.22: write expression: { "
                    + m.getProperty() + ": { expression: ... } }";
        }
        if ("type".equals(m.getKeyword())
                && m.getInstanceNode() != null
                && m.getInstanceNode().isString()
                && m.getMessage().contains("string found, object expected")) {
            String field = switch (key) {
                case "to", "toD", "wireTap", "enrich", "pollEnrich" -> "uri";
                case "log" -> "message";
                default -> languages.contains(key) ? "expression" : null;
            };
            if (field != null) {
                return key + ": \"" + m.getInstanceNode().asString() + "\" is the compact notation, deprecated since"
                        + " Camel 4.22: write " + key + ": { " + field + ": ... }";
            }
        }
        return m.getMessage();
    }

    /** The file loaded as Camel loads it: unknown steps, bad expressions, duplicate ids. */
    static List<Problem> loadProblems(Path file) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file));
            return List.of();
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher m = LOADER_LINE.matcher(message);
            return List.of(new Problem(file, m.find() ? Integer.parseInt(m.group(1)) : 0, firstLine(message)));
        }
    }

    private static final Pattern TYPE_ERROR = Pattern.compile("(\\w+) found, (\\w+) expected");

    /** Sets each scalar the DSL would convert to the type the schema expects; false when none was. */
    private static boolean coerceScalars(JsonNode json, List<Error> errors) {
        boolean changed = false;
        for (Error m : errors) {
            Matcher type = TYPE_ERROR.matcher(m.getMessage());
            JsonNode value = m.getInstanceNode();
            if (!"type".equals(m.getKeyword()) || !type.find() || value == null || !value.isValueNode()) {
                continue;
            }
            String expected = type.group(2);
            JsonNode replacement = null;
            if (value.isString() && PLACEHOLDER.matcher(value.asString()).matches()) {
                replacement = switch (expected) {
                    case "integer", "number" -> JsonNodeFactory.instance.numberNode(0);
                    case "boolean" -> JsonNodeFactory.instance.booleanNode(false);
                    default -> null;
                };
            } else if (expected.equals("string") && (value.isNumber() || value.isBoolean())) {
                replacement = JsonNodeFactory.instance.stringNode(value.asString());
            }
            String pointer = m.getInstanceLocation().toString();
            int slash = pointer.lastIndexOf('/');
            if (replacement != null && slash >= 0) {
                JsonNode parent = json.at(pointer.substring(0, slash));
                String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
                if (parent instanceof ObjectNode object) {
                    object.set(key, replacement);
                    changed = true;
                } else if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(key), replacement);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static JsonNode toJson(Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                object.set(key, toJson(tuple.getValueNode(), child, lines));
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                array.add(toJson(sequence.getValue().get(i), pointer + "/" + i, lines));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** YAML's own typing of a plain scalar (true, 12, 1.5), as the DSL reads it; quoted ones stay text. */
    private static JsonNode scalar(ScalarNode node) {
        String text = node.getValue();
        if (node.isPlain()) {
            if (text.equals("true") || text.equals("false")) {
                return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
            }
            if (text.matches("-?\\d+")) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
            }
            if (text.matches("-?\\d+\\.\\d+")) {
                return JsonNodeFactory.instance.numberNode(Double.parseDouble(text));
            }
            if (text.equals("null") || text.equals("~")) {
                return JsonNodeFactory.instance.nullNode();
            }
        }
        return JsonNodeFactory.instance.stringNode(text);
    }

    /** The line of the deepest part of {@code pointer} that the file has. */
    private static int lineOf(String pointer, Map<String, Integer> lines) {
        String path = pointer;
        while (!path.isEmpty() && !lines.containsKey(path)) {
            path = path.substring(0, Math.max(0, path.lastIndexOf('/')));
        }
        return lines.getOrDefault(path, 1);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
