package dev.portal.cases.customer;

import dev.portal.platform.errors.InvalidInput;

/** A page of the case list that cannot be served: page below 1, a size out of bounds, or too deep for Salesforce. */
class InvalidPage extends InvalidInput {

    InvalidPage(int maxSize, int maxOffset) {
        super("invalid-page", "Invalid page", "page starts at 1, size is between 1 and " + maxSize
                + ", and (page - 1) * size is at most " + maxOffset + ".");
    }
}
