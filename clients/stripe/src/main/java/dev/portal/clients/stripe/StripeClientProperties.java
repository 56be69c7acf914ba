package dev.portal.clients.stripe;

import dev.portal.clients.support.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach Stripe. Environment variables {@code PORTAL_STRIPE_API_BASE}, {@code PORTAL_STRIPE_SECRET_KEY} and
 * {@code PORTAL_STRIPE_WEBHOOK_SECRET} fill the first three when the properties are not set. Bound when {@code api-base}
 * is set; then a missing secret key stops the start, naming the setting (the webhook secret is only needed by a
 * service that receives webhooks: {@link StripeWebhooks#verify} refuses to work without it).
 *
 * @param apiBase           {@code https://api.stripe.com} or the sandbox's {@code http://localhost:8099/stripe}
 *                          (stripe-java appends {@code /v1/...})
 * @param secretKey         the secret API key, {@code sk_…}
 * @param webhookSecret     the signing secret of the webhook endpoint, {@code whsec_…}
 * @param quotaMetadataKey  metadata key holding a plan's wishlist quota, on the price or else the product
 * @param webhookTolerance  how old a webhook signature's timestamp may be
 * @param maxNetworkRetries stripe-java's own retries; 0 because {@code http.max-attempts} retries safe calls
 * @param http              timeouts, retries of safe calls, circuit breaker
 */
@Validated
@ConfigurationProperties("portal.clients.stripe")
public record StripeClientProperties(URI apiBase, @NotBlank String secretKey, String webhookSecret, String quotaMetadataKey,
                                     @DurationMin(seconds = 1) Duration webhookTolerance, @Min(0) Integer maxNetworkRetries,
                                     @Valid HttpSettings http) {

    public StripeClientProperties {
        apiBase = apiBase != null ? apiBase : URI.create("https://api.stripe.com");
        quotaMetadataKey = quotaMetadataKey != null && !quotaMetadataKey.isBlank() ? quotaMetadataKey : "wishlist_quota";
        webhookTolerance = webhookTolerance != null ? webhookTolerance : Duration.ofSeconds(300);
        maxNetworkRetries = maxNetworkRetries != null ? maxNetworkRetries : 0;
        http = http != null ? http : HttpSettings.DEFAULTS;
    }

    /** Settings for {@code apiBase} with the sandbox's default credentials, for tests and tools. */
    public static StripeClientProperties of(URI apiBase, String secretKey, String webhookSecret, HttpSettings http) {
        return new StripeClientProperties(apiBase, secretKey, webhookSecret, null, null, null, http);
    }
}
