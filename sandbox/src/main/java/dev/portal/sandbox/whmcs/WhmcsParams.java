package dev.portal.sandbox.whmcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form fields of one API call, read the way PHP reads them: {@code pid[0]=1&pid[1]=3} (or {@code pid[]=1}) is
 * a list, {@code email_preferences[invoice]=0} a map, booleans are {@code 1/true/on/yes}.
 */
final class WhmcsParams {

    private static final Pattern BRACKET = Pattern.compile("^([^\\[]+)\\[([^\\]]*)\\]$");

    private final Map<String, String[]> raw;

    WhmcsParams(Map<String, String[]> raw) {
        this.raw = raw;
    }

    /** The field's value, stripped; null when absent or blank. */
    String get(String name) {
        String[] values = raw.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    boolean has(String name) {
        return raw.containsKey(name);
    }

    String getOr(String name, String fallback) {
        String value = get(name);
        return value != null ? value : fallback;
    }

    boolean flag(String name) {
        String value = get(name);
        return value != null && List.of("1", "true", "on", "yes").contains(value.toLowerCase());
    }

    /** A whole number, or null when absent; a value that is not a number is -1 (it matches nothing). */
    Long id(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    int number(String name, int fallback) {
        Long value = id(name);
        return value == null || value < 0 ? fallback : value.intValue();
    }

    /** {@code name[0]…name[n]} by index (gaps are empty strings), then {@code name[]} or a plain {@code name}. */
    List<String> list(String name) {
        Map<Integer, String> indexed = new TreeMap<>();
        List<String> appended = new ArrayList<>();
        raw.forEach((key, values) -> {
            Matcher m = BRACKET.matcher(key);
            if (key.equals(name)) {
                appended.addAll(List.of(values));
            } else if (m.matches() && m.group(1).equals(name)) {
                if (m.group(2).isEmpty()) {
                    appended.addAll(List.of(values));
                } else if (m.group(2).matches("\\d+")) {
                    indexed.put(Integer.parseInt(m.group(2)), values.length == 0 ? "" : values[0]);
                }
            }
        });
        List<String> all = new ArrayList<>();
        indexed.forEach((index, value) -> {
            while (all.size() < index) {
                all.add("");
            }
            all.add(value);
        });
        all.addAll(appended);
        return all.stream().map(v -> v == null ? "" : v.strip()).toList();
    }

    /** The {@code i}th entry of a list, or null. */
    static String at(List<String> list, int i) {
        return i < list.size() && !list.get(i).isEmpty() ? list.get(i) : null;
    }

    /**
     * The {@code i}th entry of a list whose values are what WHMCS expects for {@code customfields[]} and
     * {@code configoptions[]}: base64 of a PHP-serialized array ({@code a:1:{i:12;s:3:"abc";}}), read as id to value.
     * An absent entry is empty; one that does not decode is a {@link WhmcsActions.Failure}.
     */
    Map<Long, String> serializedArray(String name, int i) {
        String encoded = at(list(name), i);
        if (encoded == null) {
            return Map.of();
        }
        byte[] php;
        try {
            php = java.util.Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new WhmcsActions.Failure("Invalid " + name + " value: expected base64 encoded serialized array");
        }
        return new PhpArray(php, name).read();
    }

    /** Reads a serialized PHP array of scalars (string or integer keys and values), the subset WHMCS's samples send. */
    private static final class PhpArray {
        private final byte[] text;
        private final String field;
        private int at;

        PhpArray(byte[] text, String field) {
            this.text = text;
            this.field = field;
        }

        Map<Long, String> read() {
            expect('a');
            expect(':');
            int count = Integer.parseInt(until(':'));
            expect('{');
            Map<Long, String> entries = new LinkedHashMap<>();
            for (int n = 0; n < count; n++) {
                String key = scalar();
                String value = scalar();
                try {
                    entries.put(Long.parseLong(key), value);
                } catch (NumberFormatException e) {
                    throw invalid();
                }
            }
            expect('}');
            return entries;
        }

        private String scalar() {
            char type = (char) next();
            expect(':');
            return switch (type) {
                case 'i', 'd', 'b' -> until(';');
                case 's' -> {
                    int length = Integer.parseInt(until(':'));
                    expect('"');
                    if (at + length > text.length) {
                        throw invalid();
                    }
                    String value = new String(text, at, length, java.nio.charset.StandardCharsets.UTF_8);
                    at += length;
                    expect('"');
                    expect(';');
                    yield value;
                }
                default -> throw invalid();
            };
        }

        private String until(char end) {
            int start = at;
            while (at < text.length && text[at] != end) {
                at++;
            }
            if (at >= text.length) {
                throw invalid();
            }
            String value = new String(text, start, at - start, java.nio.charset.StandardCharsets.US_ASCII);
            at++;
            if (!value.matches("-?[0-9.]+")) {
                throw invalid();
            }
            return value;
        }

        private void expect(char c) {
            if (next() != c) {
                throw invalid();
            }
        }

        private int next() {
            if (at >= text.length) {
                throw invalid();
            }
            return text[at++];
        }

        private WhmcsActions.Failure invalid() {
            return new WhmcsActions.Failure("Invalid " + field + " value: expected base64 encoded serialized array");
        }
    }

    /** {@code name[key]=value} entries. */
    Map<String, String> map(String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        raw.forEach((key, values) -> {
            Matcher m = BRACKET.matcher(key);
            if (m.matches() && m.group(1).equals(name) && !m.group(2).isEmpty() && values.length > 0) {
                entries.put(m.group(2), values[0]);
            }
        });
        return entries;
    }
}
