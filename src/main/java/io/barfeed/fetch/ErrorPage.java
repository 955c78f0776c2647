package io.barfeed.fetch;

/**
 * A page the provider answered with 200 that says it is an error, by a value at one of the reader's {@code errors}
 * paths (Alpha Vantage's {@code Note}, {@code Information}, {@code Error Message}). The provider's route maps it to
 * what barfeed knows, by predicates on {@link #path()} and {@link #text()}: no bars, {@link RateLimited},
 * {@link DailyQuotaSpent}, {@link RunRefused.KeysRefused}, {@link RunRefused.PlanRefused}. One it does not map is
 * recorded as a failed request and not retried.
 */
public class ErrorPage extends RuntimeException {

    private final String path;
    private final String text;

    public ErrorPage(String path, String text) {
        super("the provider answered an error page: " + path + ": " + text);
        this.path = path;
        this.text = text;
    }

    /** An error page a route could not map, passed on with what it said. */
    public ErrorPage(String said) {
        super("the provider answered an error page: " + said);
        this.path = "";
        this.text = said;
    }

    /** The path of the value that made it an error page, as the reader's errors write it. */
    public String path() {
        return path;
    }

    /** That value, as text. */
    public String text() {
        return text;
    }

    /** For simple's {@code ${exception.path}}. */
    public String getPath() {
        return path;
    }

    /** For simple's {@code ${exception.text}}. */
    public String getText() {
        return text;
    }
}
