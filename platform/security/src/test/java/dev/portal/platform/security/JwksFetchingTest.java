package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.security.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** How a service fetches the issuer's keys: bounded in time, and not on every made-up {@code kid}. */
class JwksFetchingTest {

    private final TestTokens tokens = TestTokens.start();

    @AfterEach
    void stop() {
        tokens.close();
    }

    @Test
    void a_flood_of_made_up_kids_refetches_the_jwks_at_most_twice_per_interval_and_each_token_is_refused_as_invalid() {
        NimbusJwtDecoder decoder = PortalJwtDecoders.fromJwks(settings(new PortalSecurityProperties.Jwks(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(1))));

        for (int i = 0; i < 50; i++) {
            String forged = tokens.withKeyId("user-1", "kid-" + UUID.randomUUID());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }

        assertThat(tokens.jwksFetches()).as("JWKS fetches for 50 unknown kids").isLessThanOrEqualTo(2);
        assertThat(decoder.decode(tokens.valid("user-1")).getSubject()).as("the known key still works").isEqualTo("user-1");
        assertThat(tokens.jwksFetches()).as("served from the cache").isLessThanOrEqualTo(2);
    }

    @Test
    void a_jwks_endpoint_that_does_not_answer_fails_the_token_within_the_read_timeout() {
        tokens.answerJwksAfter(Duration.ofSeconds(20));
        NimbusJwtDecoder decoder = PortalJwtDecoders.fromJwks(settings(new PortalSecurityProperties.Jwks(Duration.ofSeconds(1),
                Duration.ofMillis(300), Duration.ofMinutes(5), Duration.ofSeconds(30))));
        String valid = tokens.valid("user-1");

        long started = System.nanoTime();
        assertThatThrownBy(() -> decoder.decode(valid)).isInstanceOf(JwtException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("bounded by the read timeout, not by the endpoint").isLessThan(Duration.ofSeconds(5));
    }

    private PortalSecurityProperties settings(PortalSecurityProperties.Jwks jwks) {
        return new PortalSecurityProperties(tokens.jwksUri(), TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(30),
                List.of(), jwks);
    }
}
