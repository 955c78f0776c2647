package io.barfeed.settings;

/** A setting that cannot work, named by its key, with what is wrong with it. */
public class BadSetting extends IllegalArgumentException {

    private final String key;

    public BadSetting(String key, String problem) {
        this(key, problem, null);
    }

    public BadSetting(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
