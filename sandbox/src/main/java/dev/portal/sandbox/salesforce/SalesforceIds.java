package dev.portal.sandbox.salesforce;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: 15 case-sensitive base-62 characters (3-character key prefix, then the record), and the
 * 18-character form the API returns, which appends a checksum of where the upper-case letters are.
 */
public final class SalesforceIds {

    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final AtomicLong SEQUENCE = new AtomicLong(100_000);

    private SalesforceIds() {
    }

    /** The 18-character form of a 15-character id. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("a 15-character id is needed, got '" + id15 + "'");
        }
        StringBuilder id = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(CHECKSUM.charAt(bits));
        }
        return id.toString();
    }

    /** Whether {@code id} is a well-formed 18-character id whose checksum matches. */
    public static boolean valid18(String id) {
        return id != null && id.length() == 18 && id.chars().allMatch(c -> BASE62.indexOf(c) >= 0)
                && to18(id.substring(0, 15)).equals(id);
    }

    /** The 18-character form of {@code id} given in either form; null when it is neither. */
    public static String normalize(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() == 15 && id.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
            return to18(id);
        }
        return valid18(id) ? id : null;
    }

    /**
     * A new 18-character id with the given key prefix ({@code 001} Account, {@code 801} Order, ...), e.g.
     * {@code 001Sb00000AbC12XYZ}: prefix, pod {@code Sb}, then a base-62 sequence padded to 15 characters.
     */
    public static String next(String prefix) {
        if (prefix.length() != 3) {
            throw new IllegalArgumentException("key prefixes have 3 characters: " + prefix);
        }
        long n = SEQUENCE.incrementAndGet();
        StringBuilder digits = new StringBuilder();
        do {
            digits.insert(0, BASE62.charAt((int) (n % 62)));
            n /= 62;
        } while (n > 0);
        String body = "0".repeat(10 - digits.length()) + digits;
        return to18(prefix + "Sb" + body);
    }
}
