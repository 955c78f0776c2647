package io.barfeed.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The {@code barfeed.*} keys barfeed knows, and the nearest of them to a key it does not know. A key is known
 * exactly ({@code barfeed.fetch.parallelism}), or lies under an open one: a list's elements
 * ({@code barfeed.fetch.timeframes[0]}) and a map's entries ({@code barfeed.alphavantage.timeframes.1min}), or
 * everything under a prefix the caller opens. Keys are compared as Spring binds them: case and dashes aside
 * ({@code symbolsPerRequest} is {@code symbols-per-request}); an environment variable
 * ({@code BARFEED_FETCH_PARALLELISM}) by its upper-case spelling.
 */
public final class KnownSettings {

    /** What the configuration processor wrote of BarfeedProperties: read once, when a start first asks. */
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static volatile KnownSettings metadata;

    /** Keys known exactly, as written (dashed, lower case). */
    private final Set<String> keys = new LinkedHashSet<>();

    /** Keys whose descendants are known too: lists, maps. */
    private final Set<String> open = new LinkedHashSet<>();

    /** Every ancestor of a known key: a group written without settings under it ({@code fetch: {}}). */
    private final Set<String> groups = new LinkedHashSet<>();

    /** The known keys and groups as keys of each kind (environment variable or not) are compared with them. */
    private final Map<Boolean, Set<String>> spellings = new HashMap<>();

    public KnownSettings() {}

    /** The keys the settings metadata lists, or none when it is not on the class path. */
    public static KnownSettings fromMetadata() {
        KnownSettings known = metadata;
        if (known == null) {
            known = new KnownSettings();
            URL url = metadataUrl();
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    known.readMetadata(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read barfeed's settings metadata " + url, e);
                }
            }
            metadata = known;
        }
        return known.copy();
    }

    /** barfeed's own metadata file, beside its classes (other jars on the class path have theirs). */
    private static URL metadataUrl() {
        URL own = KnownSettings.class.getResource(KnownSettings.class.getSimpleName() + ".class");
        if (own == null) {
            return null;
        }
        String text = own.toString();
        String path = KnownSettings.class.getName().replace('.', '/') + ".class";
        try {
            URL url = new URL(text.substring(0, text.length() - path.length()) + METADATA);
            url.openConnection().getInputStream().close();
            return url;
        } catch (IOException e) {
            return KnownSettings.class.getClassLoader().getResource(METADATA);
        }
    }

    /** Reads the properties of a metadata file: each property's name, a list or map type opening it. */
    void readMetadata(InputStream in) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("properties") || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String name = null;
                    String type = null;
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String property = p.currentName();
                        JsonToken token = p.nextToken();
                        if (token == JsonToken.VALUE_STRING && property.equals("name")) {
                            name = p.getString();
                        } else if (token == JsonToken.VALUE_STRING && property.equals("type")) {
                            type = p.getString();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (name != null && name.startsWith("barfeed.")) {
                        add(name, type != null && isOpenType(type));
                    }
                }
            }
        }
    }

    private static boolean isOpenType(String type) {
        return type.startsWith("java.util.List")
                || type.startsWith("java.util.Set")
                || type.startsWith("java.util.Collection")
                || type.startsWith("java.util.Map")
                || type.startsWith("java.util.Properties")
                || type.endsWith("[]");
    }

    /** Adds a key; {@code open}: its descendants too. */
    public KnownSettings add(String key, boolean open) {
        String k = key.toLowerCase(Locale.ROOT);
        spellings.clear();
        keys.add(k);
        if (open) {
            this.open.add(k);
        }
        for (int dot = k.lastIndexOf('.'); dot > 0; dot = k.lastIndexOf('.', dot - 1)) {
            groups.add(k.substring(0, dot));
        }
        return this;
    }

    /**
     * Adds the settings a record binds under {@code prefix}, one key per component (nested records' components
     * under theirs), lists and maps open.
     */
    public KnownSettings addRecord(String prefix, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + "." + dashed(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord()) {
                addRecord(key, type);
            } else {
                add(key, Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray());
            }
        }
        return this;
    }

    /** Everything under {@code prefix} is known ({@code barfeed.acme} for a provider's route file's own keys). */
    public KnownSettings openAll(String prefix) {
        return add(prefix, true);
    }

    /** Whether {@code key} (a key as a source writes it, relaxed) is known, under an open key or a group. */
    public boolean knows(Key key) {
        Set<String> exact = spellings.computeIfAbsent(key.environmentVariable(), environment -> {
            Set<String> all = new HashSet<>();
            for (String known : keys) {
                all.addAll(key.forms(known));
            }
            for (String group : groups) {
                all.addAll(key.forms(group));
            }
            return all;
        });
        if (exact.contains(key.comparable())) {
            return true;
        }
        String separator = key.environmentVariable() ? "_" : ".";
        for (String known : open) {
            for (String form : key.forms(known)) {
                if (key.comparable().startsWith(form + separator)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The known key nearest to {@code key}, by edit distance over their spellings (null: none known). */
    public String nearest(Key key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : keys) {
            int distance = distance(key.comparable(), key.comparableForm(known));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The Levenshtein distance: the fewest one-character insertions, deletions and replacements from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public Set<String> keys() {
        return Set.copyOf(keys);
    }

    private KnownSettings copy() {
        KnownSettings copy = new KnownSettings();
        copy.keys.addAll(keys);
        copy.open.addAll(open);
        copy.groups.addAll(groups);
        return copy;
    }

    /** pageLimit to page-limit. */
    static String dashed(String camel) {
        StringBuilder dashed = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            } else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    /**
     * A key as a source wrote it: a property name (application.yaml, a --key=value argument, a system property),
     * compared as Spring binds it (case, dashes and underscores aside, list indexes as elements), or an
     * environment variable's name, compared with the upper-case spelling of each known key.
     */
    public record Key(String name, boolean environmentVariable) {

        /** The name as barfeed compares it: lower case, dashes and underscores dropped, [i] as .i. */
        String comparable() {
            return environmentVariable ? name.toUpperCase(Locale.ROOT).replace('.', '_') : relaxed(name);
        }

        /** A known key in the form {@link #comparable()} compares with. */
        String comparableForm(String known) {
            return environmentVariable
                    ? known.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                    : relaxed(known);
        }

        /** The spellings of a known key this one may have: an environment variable's with or without dashes. */
        List<String> forms(String known) {
            if (!environmentVariable) {
                return List.of(relaxed(known));
            }
            String upper = known.toUpperCase(Locale.ROOT).replace('.', '_');
            return List.of(upper.replace('-', '_'), upper.replace("-", ""));
        }

        /** Relaxed binding's view of a property name: lower case, no dashes or underscores, [i] as .i. */
        static String relaxed(String name) {
            StringBuilder relaxed = new StringBuilder(name.length());
            for (char c : name.toCharArray()) {
                if (c == '[') {
                    relaxed.append('.');
                } else if (c != '-' && c != '_' && c != ']') {
                    relaxed.append(Character.toLowerCase(c));
                }
            }
            return relaxed.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
