package io.barfeed.reference;

/** A symbol's object that cannot be stored: a value its column's type cannot take. Recorded, never retried. */
public class RecordRejected extends RuntimeException {

    public RecordRejected(String message) {
        super(message);
    }
}
