package dev.portal.clients.sftp;

/** Direction of a call or SMS, {@code O} or {@code I} in the files. */
public enum Direction {
    OUTGOING, INCOMING;

    /** The letter the files use: {@code O} or {@code I}. */
    public String code() {
        return this == OUTGOING ? "O" : "I";
    }

    static Direction of(String code) {
        return switch (code) {
            case "O" -> OUTGOING;
            case "I" -> INCOMING;
            default -> throw new IllegalArgumentException("'" + code + "' is neither O nor I");
        };
    }
}
