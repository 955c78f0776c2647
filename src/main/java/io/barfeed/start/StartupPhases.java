package io.barfeed.start;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each phase of the start-up took, from the JVM's start: the JVM and the jar's launcher until Spring
 * starts, Spring until the database is reached, the database (connection, migrations, checks), Camel (the routes
 * loaded and started), the rest until the application has started. The start-up line prints them, so the next
 * thing to make faster is visible (the benchmark reads them too).
 */
public final class StartupPhases {

    /** The moments marked, in milliseconds of the JVM's uptime. */
    public enum Mark {
        SPRING,
        DATABASE,
        DATABASE_READY,
        CAMEL_READY,
        STARTED
    }

    private static final Map<Mark, Long> MARKS = new ConcurrentHashMap<>();

    private StartupPhases() {}

    /** Marks a moment, the first time only (tests start several contexts in one JVM). */
    public static void mark(Mark mark) {
        MARKS.putIfAbsent(mark, ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** {@code started in 2.41 s: JVM 0.31, Spring 1.10, database 0.45, Camel 0.50, the rest 0.05}. */
    static String summary() {
        Long started = MARKS.get(Mark.STARTED);
        if (started == null || !MARKS.containsKey(Mark.SPRING)) {
            return ""; // not started by main (a test)
        }
        return String.format(
                Locale.ROOT,
                "started in %.2f s: JVM %.2f, Spring %.2f, database %.2f, Camel %.2f, the rest %.2f",
                started / 1000.0,
                span(null, Mark.SPRING),
                span(Mark.SPRING, Mark.DATABASE),
                span(Mark.DATABASE, Mark.DATABASE_READY),
                span(Mark.DATABASE_READY, Mark.CAMEL_READY),
                span(Mark.CAMEL_READY, Mark.STARTED));
    }

    /** Seconds between two marks (from the JVM's start when {@code from} is null); 0 when one is missing. */
    private static double span(Mark from, Mark to) {
        Long start = from == null ? Long.valueOf(0) : MARKS.get(from);
        Long end = MARKS.get(to);
        return start == null || end == null ? 0 : Math.max(0, end - start) / 1000.0;
    }
}
