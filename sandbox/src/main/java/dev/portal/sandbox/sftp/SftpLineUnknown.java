package dev.portal.sandbox.sftp;

import dev.portal.platform.errors.InvalidInput;

import java.util.List;

/** A usage day names an MSISDN that is not one of the seeded SIM lines. */
final class SftpLineUnknown extends InvalidInput {

    SftpLineUnknown(String msisdn, List<String> known) {
        super("unknown-account", "Bad request", "no seeded SIM line " + msisdn + "; known: " + known);
    }
}
