package dev.portal.sandbox.stripe;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The simulated Stripe account. Stripe does not document its webhook retry schedule precisely (days, in live
 * mode) nor exactly which subscription statuses keep entitlements active; both are settings here.
 *
 * @param secretKey          the accepted secret key ({@code SANDBOX_STRIPE_SECRET_KEY})
 * @param webhookSecret      signing secret of every webhook endpoint ({@code SANDBOX_STRIPE_WEBHOOK_SECRET})
 * @param webhookUrls        endpoints that receive every event from start ({@code SANDBOX_STRIPE_WEBHOOK_URLS})
 * @param apiVersion         the API version events carry and answers echo when the request names none
 * @param webhookMaxAttempts deliveries of one event to one endpoint before giving up
 * @param webhookBackoff     wait before the second attempt; doubles each time
 * @param webhookTimeout     how long one delivery waits for the endpoint's answer
 * @param entitledStatuses   subscription statuses that keep a product's features active for the customer
 */
@Validated
@ConfigurationProperties("sandbox.stripe")
record StripeSettings(@NotBlank String secretKey, @NotBlank String webhookSecret, List<URI> webhookUrls, @NotBlank String apiVersion,
                      @Min(1) Integer webhookMaxAttempts, @DurationMin(millis = 1) Duration webhookBackoff,
                      @DurationMin(millis = 1) Duration webhookTimeout, List<@NotBlank String> entitledStatuses) {

    StripeSettings {
        secretKey = secretKey != null ? secretKey : "sk_test_sandbox";
        webhookSecret = webhookSecret != null ? webhookSecret : "whsec_sandbox";
        webhookUrls = webhookUrls != null ? List.copyOf(webhookUrls) : List.of();
        apiVersion = apiVersion != null ? apiVersion : "2025-03-31.basil";
        webhookMaxAttempts = webhookMaxAttempts != null ? webhookMaxAttempts : 5;
        webhookBackoff = webhookBackoff != null ? webhookBackoff : Duration.ofSeconds(2);
        webhookTimeout = webhookTimeout != null ? webhookTimeout : Duration.ofSeconds(5);
        entitledStatuses = entitledStatuses != null ? List.copyOf(entitledStatuses) : List.of("trialing", "active", "past_due");
    }
}
