package dev.portal.clients.sftp;

import dev.portal.clients.support.ExternalAuthenticationException;

/**
 * The server's host key is not the pinned one (fingerprint or known_hosts): the connection was closed before
 * any credential was sent. Never retried; a changed key needs a person to check and pin it again.
 */
public class SftpHostKeyRejectedException extends ExternalAuthenticationException {

    private final String presentedFingerprint;

    public SftpHostKeyRejectedException(String operation, String presentedFingerprint) {
        super(CdrFileClient.SYSTEM, operation, 0, "host key " + presentedFingerprint + " is not the pinned one");
        this.presentedFingerprint = presentedFingerprint;
    }

    /** SHA256 fingerprint of the key the server presented. */
    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
