package dev.portal.gateway.edge;

import org.springframework.core.Ordered;

/**
 * Order of the gateway's web filters, all before Spring Security's chain (-100): request id (platform, first),
 * security headers (so every answer carries them, problems included), the client's address, per-IP limit, body
 * size, CSRF.
 */
public final class EdgeOrder {

    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int CLIENT_ADDRESS = Ordered.HIGHEST_PRECEDENCE + 15;
    public static final int CLIENT_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int BODY_SIZE = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int CSRF = -200;

    private EdgeOrder() {
    }
}
