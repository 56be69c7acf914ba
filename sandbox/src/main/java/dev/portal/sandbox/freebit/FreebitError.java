package dev.portal.sandbox.freebit;

/**
 * A refusal answered in the emptool envelope: {@code resultCode} other than {@code "100"}, {@code status.statusCode}
 * and {@code status.message}. The codes are the sandbox's guesses (Freebit's list is not public); the table is in
 * {@code docs/sandbox/freebit.md}.
 */
final class FreebitError extends RuntimeException {

    /** oemId/oemKey not accepted. */
    static final String OEM_AUTH_FAILED = "200";
    /** authKey missing, unknown or expired. */
    static final String AUTH_KEY_INVALID = "201";
    /** no {@code json} field, or its value is not a JSON object. */
    static final String REQUEST_UNREADABLE = "210";
    /** a required field is missing or a value is out of range. */
    static final String INVALID_PARAMETER = "211";
    /** no such account. */
    static final String ACCOUNT_NOT_FOUND = "220";
    /** the account is cancelled. */
    static final String ACCOUNT_CANCELLED = "221";
    /** an asynchronous operation is in progress on the line (the line is locked). */
    static final String PROCESSING = "230";
    /** the minimum interval between plan, voice option and network type changes has not passed. */
    static final String INTERVAL_NOT_ELAPSED = "231";
    /** a change of the same kind is already reserved. */
    static final String ALREADY_RESERVED = "232";
    /** a new line's account already exists. */
    static final String ACCOUNT_EXISTS = "233";
    /** the carrier refused to activate a new line (a permanent failure). */
    static final String ACTIVATION_REFUSED = "250";
    /** the operation does not apply to this line. */
    static final String NOT_APPLICABLE = "240";
    /** eSIM: unsupported pattern (the fact sheet's {@code 400-356}). */
    static final String UNSUPPORTED_PATTERN = "400";

    private final String resultCode;
    private final String statusCode;

    FreebitError(String resultCode, String statusCode, String message) {
        super(message, null, false, false);
        this.resultCode = resultCode;
        this.statusCode = statusCode;
    }

    static FreebitError invalid(String message) {
        return new FreebitError(INVALID_PARAMETER, "400", message);
    }

    String resultCode() {
        return resultCode;
    }

    String statusCode() {
        return statusCode;
    }
}
