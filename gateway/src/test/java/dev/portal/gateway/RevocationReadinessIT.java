package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway takes traffic only once it knows the revocations that still matter: a revocation announced before it
 * started is enforced from its first ready moment. Its own gateway, started after the announcement.
 */
@TestPropertySource(properties = "portal.gateway.revocation.lookback=10m")
class RevocationReadinessIT extends GatewayTestBase {

    static final String USER = "user-revoked-before-start-" + UUID.randomUUID();

    @DynamicPropertySource
    static void revokedBeforeTheGatewayStarts(DynamicPropertyRegistry registry) throws Exception {
        revocationTopic();
        RevocationIT.publish(USER, "portal.identity.sessions-revoked.v1",
                "{\"userId\":\"" + USER + "\",\"sessionVersion\":3,\"revokedAt\":\"2026-12-05T02:00:00Z\",\"reason\":\"logout-everywhere\"}");
    }

    @Test
    void a_revocation_announced_before_the_start_is_enforced_as_soon_as_the_gateway_is_ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(management("/actuator/health/readiness").statusCode()).isEqualTo(200));

        HttpResponse<String> revoked = getWithToken("/api/orders/before-start", TOKENS.token(USER, claims -> claims.claim("sv", 2)));

        assertThat(revoked.statusCode()).as("no await: ready means the revocation is known").isEqualTo(401);
        assertThat(code(revoked)).isEqualTo("token-revoked");
        assertThat(management("/actuator/prometheus").body()).containsPattern("portal_gateway_revocations_ready\\{[^}]*} 1\\.0");
    }
}
