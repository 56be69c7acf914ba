package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tokens naming made-up key ids cannot make the edge fetch identity's JWKS once per request. */
class JwksRefetchIT extends GatewayTestBase {

    @Test
    void a_flood_of_tokens_with_made_up_kids_is_refused_without_a_jwks_fetch_for_each() {
        assertThat(getWithToken("/api/orders/40", TOKENS.valid("user-kid")).statusCode()).as("keys cached").isEqualTo(200);
        int before = TOKENS.jwksFetches();

        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = getWithToken("/api/orders/41", TOKENS.withKeyId("user-kid", "kid-" + UUID.randomUUID()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("token-invalid");
        }

        assertThat(TOKENS.jwksFetches() - before).as("JWKS fetches for 30 unknown kids").isLessThanOrEqualTo(2);
        assertThat(ORDER.hits("/api/orders/41")).isZero();
        assertThat(getWithToken("/api/orders/42", TOKENS.valid("user-kid")).statusCode()).as("known keys still work").isEqualTo(200);
    }
}
