package dev.portal.sandbox.sftp;

import dev.portal.platform.errors.InvalidInput;

/** A usage day asks for more calls or SMS than one day's file holds, or fewer than none. */
final class SftpUsageOutOfRange extends InvalidInput {

    SftpUsageOutOfRange(int max) {
        super("invalid-usage", "Bad request", "calls and sms must be 0.." + max);
    }
}
