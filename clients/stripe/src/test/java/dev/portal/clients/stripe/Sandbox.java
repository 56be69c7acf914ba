package dev.portal.clients.stripe;

import dev.portal.sandbox.EmbeddedSandbox;

/** The per-JVM sandbox, on free loopback ports. */
final class Sandbox {

    private Sandbox() {
    }

    static EmbeddedSandbox get() {
        return EmbeddedSandbox.get();
    }
}
