package dev.portal.identity.signup;

import dev.portal.platform.errors.RuleViolation;

/** No Salesforce Account has the customer number. */
public class CustomerNotFound extends RuleViolation {

    public CustomerNotFound() {
        super("customer-not-found", "Customer not found", "No customer has this customer number.");
    }
}
