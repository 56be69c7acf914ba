package dev.portal.sandbox.stripe;

/** The API request a change came from, as events name it ({@code request.id}, {@code request.idempotency_key}); null for automatic changes. */
record StripeOrigin(String requestId, String idempotencyKey) {

    static final StripeOrigin AUTOMATIC = new StripeOrigin(null, null);
}
