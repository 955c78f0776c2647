package io.barfeed.start;

import java.util.List;

/** A configured database, and a provider whose key variables are not set. */
public class MissingApiKeys extends RuntimeException {

    private final List<String> variables;

    public MissingApiKeys(String provider, List<String> variables) {
        super("barfeed has a database (spring.datasource.url) but no API keys for " + provider + ": "
                + String.join(" and ", variables) + (variables.size() > 1 ? " are" : " is") + " not set");
        this.variables = List.copyOf(variables);
    }

    public List<String> variables() {
        return variables;
    }
}
