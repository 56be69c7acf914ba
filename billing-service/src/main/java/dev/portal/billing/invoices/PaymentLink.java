package dev.portal.billing.invoices;

import java.net.URI;
import java.time.Instant;

/**
 * Where to send the browser to pay an invoice in WHMCS: a single-use sign-on link.
 *
 * @param expiresAt the latest moment it can work (WHMCS's tokens live at most 60 s)
 */
record PaymentLink(long invoiceId, URI url, Instant expiresAt) {
}
