package dev.portal.clients.salesforce;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A SOQL statement made from a constant template and bound values, the way a prepared statement is: the template
 * names its values as {@code :name} and every value becomes a literal of its own (a string quoted with Salesforce's
 * escape sequences, a number, a boolean, or a list of those for {@code IN}), so no value can ever change the
 * statement's structure.
 *
 * <pre>{@code
 * String soql = Soql.of("SELECT Id FROM Case WHERE AccountId = :account AND Status = :status LIMIT :size")
 *         .bind("account", accountId).bind("status", status).bind("size", 20).text();
 * }</pre>
 *
 * Only {@link String}, {@link SalesforceId}, {@link Integer}, {@link Long}, {@link Boolean} and collections of them
 * bind; anything else (and a name the template does not use, or a placeholder left unbound) is a programming error.
 */
public final class Soql {

    private final String template;
    private final Map<String, String> literals;

    private Soql(String template, Map<String, String> literals) {
        this.template = template;
        this.literals = literals;
    }

    /** A statement to bind: {@code template} is code, never input. */
    public static Soql of(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("a SOQL template is needed");
        }
        return new Soql(template, Map.of());
    }

    /** This statement with {@code :name} bound to {@code value}. */
    public Soql bind(String name, Object value) {
        if (!placeholders().contains(name)) {
            throw new IllegalArgumentException("the template has no :" + name + ": " + template);
        }
        Map<String, String> bound = new LinkedHashMap<>(literals);
        bound.put(name, literal(value));
        return new Soql(template, bound);
    }

    /** The statement to send; every placeholder must be bound. */
    public String text() {
        StringBuilder soql = new StringBuilder(template.length() + 64);
        scan((part, placeholder) -> {
            if (placeholder) {
                String literal = literals.get(part);
                if (literal == null) {
                    throw new IllegalStateException(":" + part + " is not bound in: " + template);
                }
                soql.append(literal);
            } else {
                soql.append(part);
            }
        });
        return soql.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    /** {@code value} as a quoted SOQL string literal: backslash, quotes and line breaks escaped. */
    public static String quote(String value) {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '\'' -> literal.append("\\'");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                case '\b' -> literal.append("\\b");
                case '\f' -> literal.append("\\f");
                default -> literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    private static String literal(Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("null does not bind: compare with IS NULL in the template instead");
            case String text -> quote(text);
            case SalesforceId id -> quote(id.value());
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case Boolean flag -> flag.toString();
            case Collection<?> values -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("an empty list does not bind: IN () is not SOQL");
                }
                StringJoiner list = new StringJoiner(", ", "(", ")");
                values.forEach(item -> {
                    if (item instanceof Collection<?>) {
                        throw new IllegalArgumentException("lists do not nest");
                    }
                    list.add(literal(item));
                });
                yield list.toString();
            }
            default -> throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " does not bind to SOQL");
        };
    }

    private Set<String> placeholders() {
        Set<String> names = new HashSet<>();
        scan((part, placeholder) -> {
            if (placeholder) {
                names.add(part);
            }
        });
        return names;
    }

    private interface Parts {
        void accept(String part, boolean placeholder);
    }

    // Placeholders are ":" followed by a letter, outside the template's own quoted literals.
    private void scan(Parts parts) {
        int i = 0;
        int start = 0;
        boolean quoted = false;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    quoted = false;
                }
                i++;
            } else if (c == '\'') {
                quoted = true;
                i++;
            } else if (c == ':' && i + 1 < template.length() && Character.isLetter(template.charAt(i + 1))) {
                parts.accept(template.substring(start, i), false);
                int end = i + 1;
                while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                    end++;
                }
                parts.accept(template.substring(i + 1, end), true);
                i = end;
                start = end;
            } else {
                i++;
            }
        }
        parts.accept(template.substring(start), false);
    }
}
