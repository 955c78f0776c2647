package io.barfeed.fetch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The paths a page reader looks for, as a tree walked alongside the parser: a branch of the page no path leads
 * into is skipped unread, so a page is read once, streamed, whatever the paths.
 */
final class PathTree {

    static final int BARS = 1;
    static final int NEXT = 2;
    static final int SYMBOL = 4;
    static final int ZONE = 8;
    static final int ERROR = 16;
    static final int COLUMN = 32;

    final Node root = new Node();

    /** Marks the node at {@code path} with {@code role}; {@code index} is the column's field or the error's rule. */
    void add(JsonPath path, int role, int index) {
        Node node = root;
        for (String segment : path.segments()) {
            node = node.childFor(segment);
        }
        node.roles |= role;
        if (role == COLUMN) {
            node.column = index;
        } else if (role == ERROR) {
            node.errors.add(index);
        }
    }

    /** One place in the page: what is there for the reader, and the places under it. */
    static final class Node {
        private final Map<String, Node> named = new HashMap<>();
        private final List<Pattern> globs = new ArrayList<>();
        private final List<Node> globbed = new ArrayList<>();
        int roles;
        int column = -1;
        final List<Integer> errors = new ArrayList<>();

        private Node childFor(String segment) {
            if (!JsonPath.isGlob(segment)) {
                return named.computeIfAbsent(segment, s -> new Node());
            }
            String pattern = JsonPath.glob(segment).pattern();
            for (int i = 0; i < globs.size(); i++) {
                if (globs.get(i).pattern().equals(pattern)) {
                    return globbed.get(i);
                }
            }
            Node node = new Node();
            globs.add(JsonPath.glob(segment));
            globbed.add(node);
            return node;
        }

        boolean hasChildren() {
            return !named.isEmpty() || !globs.isEmpty();
        }

        /** The place under this one at the field or index {@code name}; null when no path leads there. */
        Node child(String name) {
            Node node = named.get(name);
            if (node != null || globs.isEmpty()) {
                return node;
            }
            for (int i = 0; i < globs.size(); i++) {
                if (globs.get(i).matcher(name).matches()) {
                    return globbed.get(i);
                }
            }
            return null;
        }
    }
}
