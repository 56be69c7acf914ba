/**
 * Client of Stripe Billing for wishlist groups: {@link dev.portal.clients.stripe.StripeBilling} (customers,
 * subscriptions, quotas from price/product metadata, active entitlements) and
 * {@link dev.portal.clients.stripe.StripeWebhooks} (signature check, typed events), on stripe-java pinned to API
 * version 2025-03-31.basil.
 */
package dev.portal.clients.stripe;
