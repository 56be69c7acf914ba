package dev.portal.platform.test.architecture.good.checkout;

import dev.portal.platform.errors.RuleViolation;

/** A rule with its own class and code; platform-web picks the status. */
class TooManyLines extends RuleViolation {

    TooManyLines(int lines, int max) {
        super("too-many-lines", "Too many lines", "An order holds at most " + max + " lines, not " + lines + ".");
    }
}
