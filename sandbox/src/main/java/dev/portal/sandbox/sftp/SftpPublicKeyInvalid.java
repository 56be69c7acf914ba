package dev.portal.sandbox.sftp;

import dev.portal.platform.errors.InvalidInput;

/** An authorized key to add is not an OpenSSH public key line. */
final class SftpPublicKeyInvalid extends InvalidInput {

    SftpPublicKeyInvalid(String why) {
        super("invalid-public-key", "Bad request", "not an OpenSSH public key line: " + why);
    }
}
