package dev.portal.catalog.products;

import java.util.regex.Pattern;

/** A Salesforce record id: 15 or 18 base-62 characters. Ids from events are checked against it before they reach SOQL. */
public record SalesforceId(String value) {

    public static final String FORM = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?";
    private static final Pattern PATTERN = Pattern.compile(FORM);

    public SalesforceId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a Salesforce id: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
