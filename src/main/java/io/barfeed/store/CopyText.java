package io.barfeed.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.barfeed.fetch.BarRow;

/**
 * Rows in PostgreSQL's COPY text format (tab between fields, {@code \N} for null, backslash escapes),
 * written straight into bytes: no statement parameters, no per-value objects.
 */
final class CopyText {

    private byte[] bytes;
    private int length;

    private CopyText(int capacity) {
        bytes = new byte[capacity];
    }

    /** The given fields (indexes of {@link BarRow#FIELDS}) of each row, one line per row. */
    static InputStream of(List<BarRow> rows, int[] fields) {
        CopyText text = new CopyText(Math.max(256, rows.size() * 128));
        for (BarRow row : rows) {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.ascii('\t');
                }
                text.field(row, fields[i]);
            }
            text.ascii('\n');
        }
        return new ByteArrayInputStream(text.bytes, 0, text.length);
    }

    private void field(BarRow row, int field) {
        String decimal = row.decimalText(field);
        if (decimal != null) {
            ascii(decimal); // JSON's number syntax is a subset of PostgreSQL's numeric input
        } else if (field == BarRow.TS) {
            timestamp(row.epochSecond(), row.nano());
        } else {
            Object value = row.field(field);
            if (value == null) {
                ascii('\\');
                ascii('N');
            } else if (value instanceof Number number) {
                ascii(number.toString());
            } else {
                text(value.toString());
            }
        }
    }

    /** {@code 2024-01-02 14:30:00[.fraction]+00}: the instant in UTC, read alike by timestamptz and timestamp. */
    private void timestamp(long epochSecond, int nano) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            text(utc + "+00");
            return;
        }
        digits(utc.getYear(), 4);
        ascii('-');
        digits(utc.getMonthValue(), 2);
        ascii('-');
        digits(utc.getDayOfMonth(), 2);
        ascii(' ');
        digits(utc.getHour(), 2);
        ascii(':');
        digits(utc.getMinute(), 2);
        ascii(':');
        digits(utc.getSecond(), 2);
        if (nano != 0) {
            ascii('.');
            digits(nano, 9);
        }
        ascii('+');
        ascii('0');
        ascii('0');
    }

    private void digits(int value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /** Any text, UTF-8, with COPY's escapes for the characters that delimit fields and rows. */
    private void text(String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> ascii((char) (b & 0xff));
            }
        }
    }

    private void escaped(char c) {
        ascii('\\');
        ascii(c);
    }

    private void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
