package io.barfeed.reference;

import java.util.Map;

/**
 * One symbol's object as a provider answered it: its fields by name as text (a nested object's fields as
 * {@code parent_child}, an array as its JSON), and the whole object as JSON text ({@code :#payload}). No fields: the
 * provider has nothing for the symbol. A class, not a record: Camel hashes and prints what it calls.
 */
public final class ReferenceRecord {

    private static final ReferenceRecord NONE = new ReferenceRecord(Map.of(), null);

    private final Map<String, String> fields;
    private final String payload;

    ReferenceRecord(Map<String, String> fields, String payload) {
        this.fields = fields;
        this.payload = payload;
    }

    /** For a route: the provider has nothing for the symbol. */
    public static ReferenceRecord none() {
        return NONE;
    }

    /** The fields by name; a JSON null is a null value. */
    public Map<String, String> fields() {
        return fields;
    }

    public String payload() {
        return payload;
    }

    /** Whether the provider has nothing for the symbol. */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public String toString() {
        return "ReferenceRecord[" + fields.size() + " fields]";
    }
}
