package dev.portal.identity.signup;

/**
 * A registration collided with a stored row on a unique key other than the email: the portal already maps that
 * WHMCS client or Salesforce Account (or user id) to another user. That is no fault of the customer's input but
 * the systems disagreeing (a WHMCS or Salesforce that forgot what the portal stored), so it is answered as a server
 * error and logged with the constraint's name, never as a misleading {@code email-taken}.
 */
class RegistrationConflict extends IllegalStateException {

    RegistrationConflict(String constraint) {
        super("a stored row already holds unique key " + constraint);
    }
}
