package dev.portal.clients.sftp;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the short environment variables {@code PORTAL_SFTP_HOST}, {@code PORTAL_SFTP_PASSWORD}, ... as
 * {@code portal.clients.sftp.*}, at the lowest precedence (so {@code PORTAL_CLIENTS_SFTP_*} and configuration
 * files still win). Registered in {@code META-INF/spring.factories}.
 */
public class SftpEnvironmentAliases implements EnvironmentPostProcessor {

    private static final List<String> NAMES = List.of("host", "port", "username", "password", "private-key",
            "private-key-passphrase", "known-hosts", "host-key-fingerprint", "accept-any-host-key", "directory", "charset");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> aliases = new LinkedHashMap<>();
        for (String name : NAMES) {
            String variable = "PORTAL_SFTP_" + name.replace('-', '_').toUpperCase(Locale.ROOT);
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                aliases.put("portal.clients.sftp." + name, value);
            }
        }
        if (!aliases.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("portal-sftp-environment", aliases));
        }
    }
}
