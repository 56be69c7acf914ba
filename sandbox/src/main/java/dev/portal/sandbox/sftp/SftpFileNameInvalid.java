package dev.portal.sandbox.sftp;

import dev.portal.platform.errors.InvalidInput;

/** A file to publish whose name is not a CDR file name of the drop. */
final class SftpFileNameInvalid extends InvalidInput {

    SftpFileNameInvalid(String name, String pattern) {
        super("invalid-file-name", "Bad request", "'" + name + "' is not a CDR file name of the drop (" + pattern + ")");
    }
}
