package io.barfeed.fetch;

/**
 * The provider refused the run as a whole: every request would be refused alike, so the run stops. The provider's
 * route throws one of the two kinds, with a message saying what to check.
 */
public abstract class RunRefused extends RuntimeException {

    protected RunRefused(String message) {
        super(message);
    }

    /** The exit code of a once-run this refusal stops. */
    public abstract int exitCode();

    /** The provider refused the API keys (exit code 3). */
    public static class KeysRefused extends RunRefused {
        public KeysRefused(String message) {
            super(message);
        }

        @Override
        public int exitCode() {
            return 3;
        }
    }

    /** The provider's plan does not cover what was asked, such as recent SIP data on a free plan (exit code 4). */
    public static class PlanRefused extends RunRefused {
        public PlanRefused(String message) {
            super(message);
        }

        @Override
        public int exitCode() {
            return 4;
        }
    }
}
