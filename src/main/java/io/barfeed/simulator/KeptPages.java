package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rendered pages kept in memory, once asked to keep them, so an equal query is served without rendering again. */
final class KeptPages {

    private final BarsPages pages;
    private volatile Map<BarsQuery, byte[]> kept;

    KeptPages(BarsPages pages) {
        this.pages = pages;
    }

    /** From now on, keep every page rendered. */
    void keep() {
        kept = new ConcurrentHashMap<>();
    }

    /** The page of {@code query}, rendered on first use; null while pages are not kept. */
    byte[] page(BarsQuery query) {
        Map<BarsQuery, byte[]> kept = this.kept;
        return kept == null ? null : kept.computeIfAbsent(query, this::render);
    }

    private byte[] render(BarsQuery query) {
        ByteArrayOutputStream page = new ByteArrayOutputStream(1 << 20);
        try {
            pages.write(query, page);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render a page in memory", e);
        }
        return page.toByteArray();
    }
}
