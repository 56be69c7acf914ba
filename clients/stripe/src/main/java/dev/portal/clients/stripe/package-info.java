/**
 * Client of Stripe: subscriptions, prices and entitlements for wishlist groups. The typed client arrives with the external-systems issue; the module exists so
 * that services can already depend on it.
 */
package dev.portal.clients.stripe;
