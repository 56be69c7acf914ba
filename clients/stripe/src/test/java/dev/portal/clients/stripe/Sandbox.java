package dev.portal.clients.stripe;

import dev.portal.sandbox.EmbeddedSandbox;

/**
 * The per-JVM sandbox on a free port. {@link EmbeddedSandbox} passes {@code server.port=0} as a default property,
 * which the sandbox's {@code application.yml} ({@code server.port: 8099}) outranks; a system property outranks
 * both, so the in-process sandbox does not collide with a sandbox already running on 8099.
 */
final class Sandbox {

    private Sandbox() {
    }

    static EmbeddedSandbox get() {
        System.setProperty("server.port", "0");
        System.setProperty("server.address", "127.0.0.1");
        return EmbeddedSandbox.get();
    }
}
