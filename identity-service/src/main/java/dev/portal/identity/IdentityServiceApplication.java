package dev.portal.identity;

import dev.portal.identity.limits.RateLimitProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Portal users (Argon2id), sessions and tokens with JWKS, signup and account linking, password reset, profile and address, id mappings. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({IdentityProperties.class, RateLimitProperties.class})
public class IdentityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }
}
