package dev.portal.clients.sftp;

/**
 * A CDR file that does not follow the configured layout: undecodable bytes, a missing header column, a row with the
 * wrong number of columns or an unreadable value, a trailer that does not match the records. Not transient: the
 * same file fails the same way until it is corrected (a corrected file comes with a higher {@code seq}).
 */
public class CdrFormatException extends RuntimeException {

    private final String fileName;
    private final int line;

    public CdrFormatException(String fileName, int line, String problem) {
        super(fileName + " line " + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of the file (the header is line 1). */
    public int line() {
        return line;
    }
}
