package dev.portal.clients.sftp;

/**
 * A CDR file or row that does not follow the configured layout. Thrown for a file whose header cannot be read (no
 * row of it can be); a single row's problem is reported as a {@link MalformedLine} instead. Not transient: the
 * same file fails the same way until it is corrected (a corrected file comes with a higher {@code seq}).
 */
public class CdrFormatException extends RuntimeException {

    private final String fileName;
    private final long line;
    private final String problem;

    public CdrFormatException(String fileName, long line, String problem) {
        super(fileName + " line " + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    /** What is wrong, without the file name and line. */
    public String problem() {
        return problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of the file (the header is line 1). */
    public long line() {
        return line;
    }
}
