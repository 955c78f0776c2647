package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The house rule the formatter cannot enforce everywhere: Java and YAML lines of at most 120 characters. */
class LineLengthTest {

    static final int MAX = 120;

    @Test
    void everyJavaAndYamlLineFitsIn120Characters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(Path.of("src"), Path.of("routes"), Path.of("application.yaml"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(LineLengthTest::javaOrYaml).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > MAX) {
                            tooLong.add(
                                    file + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                        }
                    }
                }
            }
        }
        assertThat(tooLong).as("lines longer than %d characters", MAX).isEmpty();
    }

    private static boolean javaOrYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
