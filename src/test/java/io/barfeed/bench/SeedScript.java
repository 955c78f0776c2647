package io.barfeed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.barfeed.simulator.ApiSimulator;

/**
 * The seed's asyncio job (bench/seed_asyncio.py) as the benchmark runs it beside barfeed: the same simulator, the
 * same database, the classic tables. It needs Debian's python3 with python3-aiohttp and python3-asyncpg.
 */
final class SeedScript {

    static final Path SCRIPT = Path.of("bench", "seed_asyncio.py");
    static final String MISSING = "apt-get install python3-aiohttp python3-asyncpg to time it";
    private static final Pattern USER = Pattern.compile("[?&]user=([^&]+)");
    /** BENCH_PYTHON, else Debian's python3 (where its packages are), else the PATH's. */
    static final String PYTHON = System.getenv()
            .getOrDefault(
                    "BENCH_PYTHON", Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");

    private SeedScript() {}

    static boolean available() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import aiohttp, asyncpg")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One run from the process's launch to its exit, in seconds. */
    static double run(String adminUrl, String database, ApiSimulator api, String start, Instant end) throws Exception {
        Path log = Path.of("target", "bench-logs", "seed-" + database + ".log");
        Files.createDirectories(log.getParent());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(List.of(
                        PYTHON, SCRIPT.toString(), dsn(adminUrl, database), api.baseUrl(), start, end.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the seed's script failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return (System.nanoTime() - launched) / 1e9;
    }

    /** {@code postgresql://host:port/database?user=...} from the JDBC URL of the benchmark's server. */
    static String dsn(String adminUrl, String database) {
        String hostPort = adminUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        Matcher user = USER.matcher(adminUrl);
        return "postgresql://" + hostPort + "/" + database + (user.find() ? "?user=" + user.group(1) : "");
    }
}
