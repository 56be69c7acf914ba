package dev.portal.clients.support;

/** Short, single-line excerpts of what an external system sent, for error messages and logs. */
public final class Excerpts {

    private static final int LIMIT = 160;

    private Excerpts() {
    }

    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "(empty body)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= LIMIT ? line : line.substring(0, LIMIT) + "...";
    }
}
