package dev.portal.clients.sftp;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complete data file in the drop directory (its trigger file exists).
 *
 * @param name       e.g. {@code CALL_sandbox-oem_20261122_01.csv}
 * @param kind       CALL or SMS
 * @param date       the usage day (JST) the file covers
 * @param seq        1 for the first file of a day, higher for each correction
 * @param size       bytes
 * @param modifiedAt the server's modification time
 */
public record CdrFile(String name, Kind kind, String oemId, LocalDate date, int seq, long size, Instant modifiedAt) {

    public enum Kind { CALL, SMS }
}
