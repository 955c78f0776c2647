package io.barfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * barfeed started on a copy of application.yaml and routes/, as the integration team edits them:
 * the edits are plain text replacements in the copy, and no Java changes.
 */
final class AppFromCopy {

    final Path dir;

    AppFromCopy(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Files.copy(Path.of("application.yaml"), dir.resolve("application.yaml"));
            Path routes = Path.of("routes");
            try (Stream<Path> files = Files.walk(routes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = dir.resolve("routes")
                            .resolve(routes.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in a file of the copy; the text must be there. */
    AppFromCopy edit(String file, String from, String to) {
        Path path = dir.resolve(file);
        try {
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new AssertionError(file + " does not contain: " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The 1-based line of a file of the copy that holds {@code text}. */
    int lineOf(String file, String text) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(file + " does not contain: " + text);
    }

    ConfigurableApplicationContext start(String databaseUrl, String apiBaseUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=file:" + dir.resolve("application.yaml"),
                "--barfeed.routes.dir=" + dir.resolve("routes"),
                "--spring.datasource.url=" + databaseUrl,
                "--server.port=0",
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=" + apiBaseUrl,
                "--barfeed.fetch.backfill-start=2024-01-02"));
        args.addAll(TestSettings.STUB_ARGS);
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(BarfeedApplication.class).run(args.toArray(String[]::new));
    }
}
