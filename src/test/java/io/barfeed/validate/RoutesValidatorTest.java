package io.barfeed.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route validator on the real routes/ (a broken edit fails the build) and on broken copies. */
class RoutesValidatorTest {

    @Test
    void theRoutesAsCommittedAreValid() throws Exception {
        assertThat(new RoutesValidator().validate(Path.of("routes"))).isEmpty();
    }

    @Test
    void anUnknownStepIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        String fetch = Files.readString(Path.of("routes", "fetch.camel.yaml"));
        int line = lineOf(fetch, "- loop:");
        Files.writeString(dir.resolve("fetch.camel.yaml"), fetch.replace("- loop:", "- loopDoWhile:"));

        List<RoutesValidator.Problem> problems = new RoutesValidator().validate(dir);

        assertThat(problems)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.file().getFileName().toString()).isEqualTo("fetch.camel.yaml"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("loopDoWhile");
        });
        assertThat(problems.get(0).toString()).startsWith(dir.resolve("fetch.camel.yaml") + ":");
    }

    @Test
    void aMisspelledOptionIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        String store = Files.readString(Path.of("routes", "store.camel.yaml"));
        int line = lineOf(store, "stopOnException: true");
        Files.writeString(
                dir.resolve("store.camel.yaml"), store.replace("stopOnException: true", "stopOnExeption: true"));

        assertThat(new RoutesValidator().validate(dir)).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("stopOnExeption");
        });
    }

    @Test
    void aProviderFileIsCheckedToo(@TempDir Path dir) throws Exception {
        String massive = Files.readString(Path.of("routes", "providers", "massive.camel.yaml"));
        int line = lineOf(massive, "- doTry:");
        Files.createDirectories(dir.resolve("providers"));
        Files.writeString(dir.resolve("providers/massive.camel.yaml"), massive.replace("- doTry:", "- doTryy:"));

        assertThat(new RoutesValidator().validate(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("providers/massive.camel.yaml"));
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("doTryy");
        });
    }

    @Test
    void theCompactNotationIsNamedWithTheCanonicalLineToWrite(@TempDir Path dir) throws Exception {
        String compact = Files.readString(Path.of("routes", "store.camel.yaml"))
                .replaceFirst("expression:\\n\\s+simple:\\n\\s+expression: \"\\$\\{body}\"", "simple: \"\\${body}\"")
                .replace("- to: { uri: direct:store-batch }", "- to: direct:store-batch");
        Files.writeString(dir.resolve("store.camel.yaml"), compact);
        int split = lineOf(compact, "- split:") + 1;
        int to = lineOf(compact, "- to: direct:store-batch");

        assertThat(new RoutesValidator().validate(dir))
                .extracting(RoutesValidator.Problem::line, RoutesValidator.Problem::message)
                .contains(
                        tuple(
                                split,
                                "simple: is the compact notation, deprecated since Camel 4.22: write expression: {"
                                        + " simple: { expression: ... } }"),
                        tuple(
                                to,
                                "to: \"direct:store-batch\" is the compact notation, deprecated since Camel 4.22:"
                                        + " write to: { uri: ... }"));
    }

    @Test
    void withoutARoutesFolderTheJarsOwnFilesAreInForce(@TempDir Path dir) throws Exception {
        assertThat(RoutesValidator.run(dir.resolve("routes"), false))
                .as("no folder here")
                .isZero();
        assertThat(RoutesValidator.run(dir.resolve("routes"), true))
                .as("a folder named but missing")
                .isEqualTo(1);
    }

    @Test
    void brokenYamlIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("broken.camel.yaml"),
                "- route:\n    id: broken\n    from:\n      uri: direct:x\n     steps: []\n");

        assertThat(new RoutesValidator().validate(dir)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    /** The 1-based number of the first line that is {@code step} once indented; 0 when none is. */
    private static int lineOf(String text, String step) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(step)) {
                return i + 1;
            }
        }
        return 0;
    }
}
