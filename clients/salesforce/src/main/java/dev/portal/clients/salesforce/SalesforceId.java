package dev.portal.clients.salesforce;

import java.util.Optional;

/**
 * A Salesforce record id, always held in its 18-character form (the one the REST API returns). A text is an id only
 * when it has 15 case-sensitive base-62 characters, or those 15 plus the 3-character checksum of where their
 * upper-case letters are, and that checksum matches. Anything else, including text that merely looks like an id
 * with a wrong checksum or a quote in it, never becomes one, so it can never reach a query.
 *
 * @param value the 18-character id
 */
public record SalesforceId(String value) {

    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    public SalesforceId {
        if (!isValid18(value)) {
            throw new IllegalArgumentException("not an 18-character Salesforce id with a matching checksum");
        }
    }

    /** The id {@code text} stands for (either form), or empty when it is not a well-formed id. */
    public static Optional<SalesforceId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() == 15 && base62(text)) {
            return Optional.of(new SalesforceId(text + checksum(text)));
        }
        return isValid18(text) ? Optional.of(new SalesforceId(text)) : Optional.empty();
    }

    /** The id {@code text} stands for, of an object with {@code keyPrefix} ({@code 500} Case, {@code 001} Account, ...). */
    public static Optional<SalesforceId> parse(String text, String keyPrefix) {
        return parse(text).filter(id -> id.keyPrefix().equals(keyPrefix));
    }

    /** The object's key prefix: the first three characters ({@code 500} for a Case). */
    public String keyPrefix() {
        return value.substring(0, 3);
    }

    /** The 15-character, case-sensitive form. */
    public String value15() {
        return value.substring(0, 15);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isValid18(String text) {
        return text != null && text.length() == 18 && base62(text) && checksum(text.substring(0, 15)).equals(text.substring(15));
    }

    private static boolean base62(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    // For each 5-character chunk, a bit per upper-case letter (first character = lowest bit), as a letter or digit.
    private static String checksum(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(CHECKSUM.charAt(bits));
        }
        return suffix.toString();
    }
}
