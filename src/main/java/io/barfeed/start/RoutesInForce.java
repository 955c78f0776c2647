package io.barfeed.start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which route files are in force: the jar's own, each replaced by the file of the same name (its path under the
 * folder, e.g. {@code providers/alpaca.camel.yaml}) in {@code barfeed.routes.dir}, plus the folder's new files. So
 * the jar runs from any folder on its built-in routes, and the integration team's edits win. An explicit
 * {@code camel.main.routes-include-pattern} is left as it is.
 */
public class RoutesInForce implements EnvironmentPostProcessor, Ordered {

    static final String PATTERN = "camel.main.routes-include-pattern";
    private static final String SUFFIX = ".camel.yaml";

    /** One route file: its name under the routes folder, and where it is read from. */
    public record RouteFile(String name, String location, boolean builtIn) {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PATTERN)) {
            return;
        }
        String pattern = String.join(
                ",", of(environment).stream().map(RouteFile::location).toList());
        environment.getPropertySources().addLast(new MapPropertySource("barfeed-routes", Map.of(PATTERN, pattern)));
    }

    /** After application.yaml is read, which names barfeed.routes.dir. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The route files in force, by name. */
    public static List<RouteFile> of(Environment environment) {
        Path dir = Path.of(environment.getProperty("barfeed.routes.dir", "routes"));
        Map<String, RouteFile> files = new TreeMap<>();
        builtIn().forEach(name -> files.put(name, new RouteFile(name, "classpath:routes/" + name, true)));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> {
                    String name = dir.relativize(f).toString().replace('\\', '/');
                    files.put(name, new RouteFile(name, "file:" + f.toAbsolutePath(), false));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the route files of " + dir.toAbsolutePath(), e);
            }
        }
        return List.copyOf(files.values());
    }

    /** The names of the jar's route files (under routes/ on the class path). */
    private static List<String> builtIn() {
        List<String> names = new ArrayList<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:routes/**/*" + SUFFIX)) {
                URL url = resource.getURL();
                String path = url.toString();
                names.add(path.substring(path.lastIndexOf("/routes/") + "/routes/".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built-in route files", e);
        }
        return names;
    }
}
