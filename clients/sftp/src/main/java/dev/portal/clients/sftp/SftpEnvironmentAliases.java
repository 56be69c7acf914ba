package dev.portal.clients.sftp;

import dev.portal.clients.support.EnvironmentAliases;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the short environment variables {@code PORTAL_SFTP_HOST}, {@code PORTAL_SFTP_PASSWORD}, ... as
 * {@code portal.clients.sftp.*}, at the lowest precedence (so {@code PORTAL_CLIENTS_SFTP_*} and configuration
 * files still win). Registered in {@code META-INF/spring.factories}.
 */
public class SftpEnvironmentAliases extends EnvironmentAliases {

    private static final List<String> NAMES = List.of("host", "port", "username", "password", "private-key",
            "private-key-passphrase", "known-hosts", "host-key-fingerprint", "accept-any-host-key", "directory", "charset");

    static final Map<String, String> VARIABLES = NAMES.stream().collect(Collectors.toUnmodifiableMap(
            name -> "PORTAL_SFTP_" + name.replace('-', '_').toUpperCase(Locale.ROOT), name -> "portal.clients.sftp." + name));

    public SftpEnvironmentAliases() {
        super("portal-sftp-environment", VARIABLES);
    }
}
