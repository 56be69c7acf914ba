package dev.portal.clients.sftp;

/**
 * A row of a CDR file that does not fit the layout, kept aside with where it was so that an operator can find it.
 *
 * @param line    1-based line of the file where the row starts (the header is usually line 1)
 * @param problem what is wrong, e.g. {@code call_start '2026-11-22T06:20:05' is not a YYYY/MM/DD HH:MM:SS timestamp}
 * @param content the row as CSV, cut at 2,000 characters; null when no row could be delimited
 */
public record MalformedLine(String fileName, long line, String problem, String content) {
}
