package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.barfeed.BarfeedProcess.How;
import io.barfeed.BarfeedProcess.Result;

/**
 * The README's check before deploying an edit, {@code validate routes}, as a process run in a folder with its own
 * routes/: {@code routes OK} and exit code 0, or each problem as {@code file:line: problem} and exit code 1.
 */
class ValidateRoutesCommandTest {

    @Test
    void theRoutesAsShippedAreOk(@TempDir Path folder) throws Exception {
        copyRoutes(folder);

        Result result = BarfeedProcess.run(How.MAIN_CLASS, folder, List.of("validate", "routes"), Map.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("routes OK: routes");
    }

    @Test
    void aBrokenEditIsNamedWithItsFileAndLineAndExitsOne(@TempDir Path folder) throws Exception {
        copyRoutes(folder);
        Path fetch = folder.resolve("routes/fetch.camel.yaml");
        String text = Files.readString(fetch);
        int line = text.substring(0, text.indexOf("- loop:")).split("\n", -1).length;
        Files.writeString(fetch, text.replace("- loop:", "- loopp:"));

        Result result = BarfeedProcess.run(How.MAIN_CLASS, folder, List.of("validate", "routes"), Map.of());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("routes" + fetch.getFileSystem().getSeparator() + "fetch.camel.yaml:" + line + ":")
                .contains("loopp")
                .doesNotContain("routes OK");
    }

    /** The project's routes/, providers/ included, into {@code folder}. */
    private static void copyRoutes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Path to = folder.resolve(file.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
