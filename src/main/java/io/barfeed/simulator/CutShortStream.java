package io.barfeed.simulator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A page cut short: passes the first bytes on, then stops, as a connection dropped mid-body would. */
final class CutShortStream extends FilterOutputStream {

    private int left = 200;

    CutShortStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (left-- > 0) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = Math.max(0, Math.min(len, left));
        out.write(b, off, n);
        left -= n;
    }
}
