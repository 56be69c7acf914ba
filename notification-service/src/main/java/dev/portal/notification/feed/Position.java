package dev.portal.notification.feed;

import java.util.Optional;

/**
 * Where a record sits on the notifications topic. It is a browser's SSE {@code id}, {@code <partition>-<offset>}:
 * the same for a notification on every instance (all read the same topic), and increasing per user, because one
 * user's notifications share a partition (the record key is the user id).
 *
 * @param offset the record's offset; -1 before the first record of an empty partition
 */
public record Position(int partition, long offset) {

    public Position {
        if (partition < 0 || offset < -1) {
            throw new IllegalArgumentException("no such position: " + partition + "-" + offset);
        }
    }

    /** A {@code Last-Event-ID} as this service wrote it; anything else is empty. */
    public static Optional<Position> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dash = id.indexOf('-');
        if (dash <= 0 || dash > 9 || id.length() - dash > 20) {
            return Optional.empty();
        }
        try {
            int partition = Integer.parseInt(id, 0, dash, 10);
            long offset = Long.parseLong(id, dash + 1, id.length(), 10);
            if (partition < 0 || offset < -1) {
                return Optional.empty();
            }
            return Optional.of(new Position(partition, offset));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The SSE id. */
    public String id() {
        return partition + "-" + offset;
    }

    @Override
    public String toString() {
        return id();
    }
}
