package dev.portal.sandbox.roots;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sandbox.roots.*}: the port on which each HTTP simulator is also served at the root, as the real system is
 * at its own host ({@code -1}: off, {@code 0}: any free port). The prefixed paths on the main port stay either way.
 */
@Validated
@ConfigurationProperties("sandbox.roots")
public record SandboxRootSettings(
        @Min(-1) @Max(65535) @DefaultValue("-1") int whmcsPort,
        @Min(-1) @Max(65535) @DefaultValue("-1") int salesforcePort,
        @Min(-1) @Max(65535) @DefaultValue("-1") int freebitPort,
        @Min(-1) @Max(65535) @DefaultValue("-1") int stripePort) {

    /** The enabled systems and their configured ports, in a fixed order. */
    Map<String, Integer> enabled() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        put(ports, dev.portal.sandbox.SandboxSystems.WHMCS, whmcsPort);
        put(ports, dev.portal.sandbox.SandboxSystems.SALESFORCE, salesforcePort);
        put(ports, dev.portal.sandbox.SandboxSystems.FREEBIT, freebitPort);
        put(ports, dev.portal.sandbox.SandboxSystems.STRIPE, stripePort);
        return ports;
    }

    private static void put(Map<String, Integer> ports, String system, int port) {
        if (port >= 0) {
            ports.put(system, port);
        }
    }
}
