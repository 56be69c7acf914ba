package dev.portal.clients.stripe;

import dev.portal.clients.support.EnvironmentAliases;

import java.util.Map;

/**
 * Reads the documented short environment variables ({@code PORTAL_STRIPE_API_BASE}, {@code PORTAL_STRIPE_SECRET_KEY},
 * {@code PORTAL_STRIPE_WEBHOOK_SECRET}) as {@code portal.clients.stripe.*}, at the lowest precedence: a property
 * set anywhere else wins.
 */
public final class StripeEnvironment extends EnvironmentAliases {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_STRIPE_API_BASE", "portal.clients.stripe.api-base",
            "PORTAL_STRIPE_SECRET_KEY", "portal.clients.stripe.secret-key",
            "PORTAL_STRIPE_WEBHOOK_SECRET", "portal.clients.stripe.webhook-secret");

    public StripeEnvironment() {
        super("portal-stripe-environment", VARIABLES);
    }
}
