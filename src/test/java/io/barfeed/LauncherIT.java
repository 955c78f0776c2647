package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * bin/barfeed as the README's quick start and cron example use it, on the jar the build just packaged (this test runs
 * after the package step): from a folder of its own, it runs on the jar's own files, writes its class data sharing
 * archive on the first run and maps it on the next, and an agent-like JVM option (a flight recording) runs without
 * the archive instead of crashing the JVM.
 */
class LauncherIT {

    static final Path LAUNCHER = Path.of("bin", "barfeed").toAbsolutePath();
    static final Path APP = Path.of("target", "barfeed-app").toAbsolutePath();

    @Test
    void onceRunsFromAnyFolderWriteTheArchiveThenUseIt(@TempDir Path folder) throws Exception {
        FileSystemUtils.deleteRecursively(APP);
        List<String> args = List.of(
                "--barfeed.once=true",
                "--barfeed.embedded.data-dir=" + folder.resolve("pg"),
                "--barfeed.fetch.backfill-start=P3D",
                "--barfeed.simulator.latency=0ms");

        Result first = launch(folder, args, Map.of());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("settings built-in application.yaml", " built-in files");
        assertThat(APP.resolve("barfeed.jsa"))
                .as("the archive the first run writes")
                .isRegularFile();

        Result again = launch(folder, args, Map.of());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output().lines().toList())
                .as(again.output())
                .hasSizeLessThanOrEqualTo(40)
                .anyMatch(line -> line.contains("barfeed started in "))
                .anyMatch(line -> line.contains(" failed=0 "));

        Path recording = folder.resolve("run.jfr");
        Result recorded = launch(folder, args, Map.of("JAVA_OPTS", "-XX:StartFlightRecording=filename=" + recording));
        assertThat(recorded.exitCode()).as(recorded.output()).isZero();
        assertThat(recording).isNotEmptyFile();
    }

    private static Result launch(Path folder, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        Path log = Files.createTempFile(folder, "launch", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/barfeed did not exit within 180 s; output in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}
}
