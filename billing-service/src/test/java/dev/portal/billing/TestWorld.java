package dev.portal.billing;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.FixtureServer;
import dev.portal.sandbox.EmbeddedSandbox;
import java.time.ZoneId;

/** The outside world of billing's tests, once per JVM: the sandbox, a JWKS, and stand-ins for order- and case-service. */
public final class TestWorld {

    public static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    public static final TestTokens TOKENS = TestTokens.start();
    public static final FixtureServer ORDERS = FixtureServer.start();
    public static final FixtureServer CASES = FixtureServer.start();
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private TestWorld() {
    }
}
