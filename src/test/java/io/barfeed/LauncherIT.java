package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import io.barfeed.BarfeedProcess.How;
import io.barfeed.BarfeedProcess.Result;

/**
 * bin/barfeed as the README's quick start and docs/operations.md's cron line use it, on the jar the build just packaged
 * (this test runs after the package step): from a folder of its own, it runs on the jar's own files, writes its class
 * cache on the first run (the JDK's ahead-of-time cache on a JDK 25 or later, a class data sharing archive on an older
 * one) and loads barfeed's classes from it on the next, and an agent-like JVM option (a flight recording) runs without
 * it instead of crashing the JVM.
 */
class LauncherIT {

    static final Path APP = Path.of("target", "barfeed-app").toAbsolutePath();

    @Test
    void onceRunsFromAnyFolderWriteTheClassCacheThenLoadFromIt(@TempDir Path folder) throws Exception {
        FileSystemUtils.deleteRecursively(APP);
        List<String> args = List.of(
                "--barfeed.once=true",
                "--barfeed.embedded.data-dir=" + folder.resolve("pg"),
                "--barfeed.fetch.backfill-start=P3D",
                "--barfeed.simulator.latency=0ms");

        Result first = launch(folder, args, Map.of());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("settings built-in application.yaml", " built-in files");
        try (Stream<Path> files = Files.list(APP)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the cache the first run writes")
                    .anyMatch(name -> name.matches("barfeed-jdk\\d+\\.(aot|jsa)"));
        }

        Path classes = folder.resolve("classes.log");
        Result again = launch(folder, args, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output().lines().toList())
                .as(again.output())
                .hasSizeLessThanOrEqualTo(40)
                .anyMatch(line -> line.contains("barfeed started in "))
                .anyMatch(line -> line.contains(" failed=0 "));
        assertThat(Files.readAllLines(classes))
                .as("barfeed's classes come from the cache, not from the jar")
                .anyMatch(line -> line.contains(" io.barfeed.BarfeedApplication source: shared objects file"));

        // The JVM the build runs on (Java 17 here), named: a cache of its own, used on its next run.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String feature = Integer.toString(Runtime.version().feature());
        assertThat(launch(folder, args, Map.of("BARFEED_JAVA", java)).exitCode())
                .isZero();
        Path ownClasses = folder.resolve("own-classes.log");
        Result own = launch(
                folder, args, Map.of("BARFEED_JAVA", java, "JAVA_OPTS", "-Xlog:class+load=info:file=" + ownClasses));
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(APP.resolve("barfeed-jdk" + feature + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa")))
                .isRegularFile();
        assertThat(Files.readAllLines(ownClasses))
                .anyMatch(line -> line.contains(" io.barfeed.BarfeedApplication source: shared objects file"));

        Path recording = folder.resolve("run.jfr");
        Result recorded = launch(folder, args, Map.of("JAVA_OPTS", "-XX:StartFlightRecording=filename=" + recording));
        assertThat(recorded.exitCode()).as(recorded.output()).isZero();
        assertThat(recording).isNotEmptyFile();
    }

    /**
     * The operator's way: a service started by bin/barfeed from a folder with its own routes/ (over the jar's), live
     * reload on. An edited file's routes are replaced and one line says so; a broken edit is refused with an ERROR
     * naming the file and the line, and the routes from before it keep running.
     */
    @Test
    void aServiceReloadsAnEditedRouteFileAndRefusesABrokenOne(@TempDir Path folder) throws Exception {
        Path routes = folder.resolve("routes");
        Files.createDirectories(routes);
        Path run = routes.resolve("run.camel.yaml");
        Files.copy(Path.of("routes", "run.camel.yaml"), run);
        Path log = folder.resolve("service.log");
        Process service = BarfeedProcess.start(
                How.LAUNCHER,
                folder,
                List.of(
                        "--barfeed.routes.reload=true",
                        "--barfeed.schedule.cron=*/2 * * * * ?",
                        "--barfeed.embedded.data-dir=" + folder.resolve("pg"),
                        "--barfeed.fetch.backfill-start=P3D",
                        "--barfeed.simulator.latency=0ms",
                        "--server.port=0"),
                Map.of(),
                log);
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> read(log).contains(" finished: symbols="));

            Files.writeString(
                    run,
                    Files.readString(run).replace("message: \"${body.line}\"", "message: \"EDITED ${body.line}\""));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            read(log).contains("barfeed reloaded routes/run.camel.yaml: routes [run, run-ingest,"));
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("EDITED barfeed run "));

            String edited = Files.readString(run);
            int line = edited.lines().toList().indexOf("      uri: direct:report-run") + 2;
            Files.writeString(
                    run,
                    edited.replace("      uri: direct:report-run", "      uri: direct:report-run\n      brokn: 1"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            read(log).contains("ERROR routes        barfeed did not reload " + run + ":" + line + ":"));
            long before = read(log)
                    .lines()
                    .filter(l -> l.contains("EDITED barfeed run "))
                    .count();
            await("the routes from before the broken edit keep running")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> read(log)
                                    .lines()
                                    .filter(l -> l.contains("EDITED barfeed run "))
                                    .count()
                            > before);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static Result launch(Path folder, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        return BarfeedProcess.run(How.LAUNCHER, folder, args, environment);
    }
}
