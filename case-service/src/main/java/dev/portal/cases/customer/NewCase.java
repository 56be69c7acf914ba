package dev.portal.cases.customer;

import dev.portal.clients.salesforce.SalesforceId;

/**
 * A case to open for {@code account}, with the customer's validated text. The portal opens every case with
 * {@link #ORIGIN} and {@link #STATUS}; the customer chooses neither.
 *
 * @param category one of the configured categories, or null
 */
public record NewCase(SalesforceId account, String subject, String description, String category) {

    public static final String ORIGIN = "Portal Website";
    public static final String STATUS = "New";
}
