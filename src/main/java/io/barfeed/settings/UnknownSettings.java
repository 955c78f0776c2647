package io.barfeed.settings;

import java.util.List;

/** {@code barfeed.*} keys barfeed does not know (a typo binds to nothing): each with where it is set. */
public class UnknownSettings extends BadSetting {

    /** One unknown key: as written, where it is set, and the known key nearest to it (null: none). */
    public record Unknown(String key, String origin, String nearest) {

        @Override
        public String toString() {
            return key + " (" + origin + ")" + (nearest == null ? "" : ": did you mean " + nearest + "?");
        }
    }

    private final List<Unknown> unknown;

    public UnknownSettings(List<Unknown> unknown) {
        super(unknown.get(0).key(), describe(unknown));
        this.unknown = List.copyOf(unknown);
    }

    public List<Unknown> unknown() {
        return unknown;
    }

    private static String describe(List<Unknown> unknown) {
        if (unknown.size() == 1) {
            Unknown u = unknown.get(0);
            return "is not a barfeed setting, set in " + u.origin()
                    + (u.nearest() == null ? "" : "; did you mean " + u.nearest() + "?");
        }
        return "is not a barfeed setting, nor are " + (unknown.size() - 1) + " more (getMessage lists them all)";
    }

    @Override
    public String getMessage() {
        if (unknown.size() == 1) {
            return super.getMessage();
        }
        StringBuilder text = new StringBuilder("barfeed knows none of these settings:");
        for (Unknown u : unknown) {
            text.append("\n    ").append(u);
        }
        return text.toString();
    }
}
