package io.barfeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * barfeed in a process of its own, as scripts and operators start it: its main class on the test class path (the
 * tests before the package step), or bin/barfeed on the packaged jar (the *IT tests after it). Its output goes to a
 * file, which the result reads.
 */
final class BarfeedProcess {

    static final Path LAUNCHER = Path.of("bin", "barfeed").toAbsolutePath();
    static final Pattern SUMMARY =
            Pattern.compile("barfeed run \\d+ finished: symbols=(\\d+) bars=(\\d+) failed=(\\d+) requests=(\\d+)"
                    + " seconds=\\d+\\.\\d{3}");

    /** How the process is started. */
    enum How {
        /** {@code java -cp <the tests' class path> io.barfeed.BarfeedApplication}. */
        MAIN_CLASS,
        /** bin/barfeed, on target/barfeed.jar. */
        LAUNCHER
    }

    private BarfeedProcess() {}

    /** Starts barfeed in {@code folder} with {@code args}; its output goes to {@code log}. */
    static Process start(How how, Path folder, List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (how == How.LAUNCHER) {
            command.add(LAUNCHER.toString());
        } else {
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    BarfeedApplication.class.getName()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs barfeed to its exit (at most 180 s). */
    static Result run(How how, Path folder, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "barfeed-process", ".log");
        Process process = start(how, folder, args, environment, log);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("barfeed did not exit within 180 s; output in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A once-run of the main class in the project's folder. */
    static Result once(List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--barfeed.once=true"));
        all.addAll(args);
        return run(How.MAIN_CLASS, Path.of("").toAbsolutePath(), all, Map.of());
    }

    record Result(int exitCode, String output) {
        /** The figures of every summary line printed. */
        List<String> summaries() {
            List<String> found = new ArrayList<>();
            Matcher m = SUMMARY.matcher(output);
            while (m.find()) {
                found.add("symbols=" + m.group(1) + " bars=" + m.group(2) + " failed=" + m.group(3) + " requests="
                        + m.group(4));
            }
            return found;
        }
    }
}
