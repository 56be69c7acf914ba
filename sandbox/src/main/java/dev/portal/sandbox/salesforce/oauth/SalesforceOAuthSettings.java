package dev.portal.sandbox.salesforce.oauth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The simulated connected app. Real orgs do not tell a client how long an access token lives (the token
 * response has no {@code expires_in}); the sandbox's lifetime is a setting so clients can be tested on expiry.
 *
 * @param clientId        consumer key ({@code SANDBOX_SALESFORCE_OAUTH_CLIENT_ID})
 * @param clientSecret    consumer secret ({@code SANDBOX_SALESFORCE_OAUTH_CLIENT_SECRET})
 * @param usernames       users a JWT bearer assertion may name in {@code sub}
 * @param tokenLifetime   how long an access token is accepted after it was issued
 * @param jwtMaxLifetime  how far in the future an assertion's {@code exp} may lie
 * @param jwtPublicKey    class-path PEM of the certificate key uploaded to the connected app
 */
@Validated
@ConfigurationProperties("sandbox.salesforce.oauth")
record SalesforceOAuthSettings(@NotBlank String clientId, @NotBlank String clientSecret, @NotEmpty List<@NotBlank String> usernames,
                               @DurationMin(seconds = 1) Duration tokenLifetime, @DurationMin(seconds = 1) Duration jwtMaxLifetime,
                               @NotBlank String jwtPublicKey) {

    SalesforceOAuthSettings {
        clientId = clientId != null ? clientId : "sandbox-client";
        clientSecret = clientSecret != null ? clientSecret : "sandbox-secret";
        usernames = usernames != null ? List.copyOf(usernames) : List.of("integration@portal.sandbox");
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofHours(2);
        jwtMaxLifetime = jwtMaxLifetime != null ? jwtMaxLifetime : Duration.ofMinutes(3);
        jwtPublicKey = jwtPublicKey != null ? jwtPublicKey : "sandbox/salesforce/jwt-sandbox-public.pem";
    }
}
