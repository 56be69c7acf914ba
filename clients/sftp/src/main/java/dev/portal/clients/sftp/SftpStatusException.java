package dev.portal.clients.sftp;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * The SFTP server refused an operation with a status such as {@code SSH_FX_NO_SUCH_FILE} (2) or
 * {@code SSH_FX_PERMISSION_DENIED} (3). {@link #status()} is the SFTP status code, not an HTTP one.
 */
public class SftpStatusException extends ExternalRejectedException {

    private final String statusName;

    public SftpStatusException(String operation, int status, String statusName, String message) {
        super(CdrFileClient.SYSTEM, operation, status, statusName + ": " + message);
        this.statusName = statusName;
    }

    /** e.g. {@code SSH_FX_NO_SUCH_FILE}. */
    public String statusName() {
        return statusName;
    }
}
