package dev.portal.sandbox.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stripe's form encoding with bracket notation, read into nested maps and lists: {@code items[0][price]=p} is
 * {@code {items:[{price:p}]}}, {@code metadata[k]=v} a map, {@code expand[]=a&expand[]=b} (or {@code expand[0]})
 * a list.
 */
final class StripeParams {

    private final Map<String, Object> root;
    private final String fingerprint;

    private StripeParams(Map<String, Object> root, String fingerprint) {
        this.root = root;
        this.fingerprint = fingerprint;
    }

    static StripeParams of(Map<String, String[]> raw) {
        Map<String, Object> root = new LinkedHashMap<>();
        TreeMap<String, List<String>> canonical = new TreeMap<>();
        raw.forEach((name, values) -> {
            canonical.put(name, List.of(values));
            for (String value : values) {
                insert(root, segments(name), value);
            }
        });
        return new StripeParams(listify(root), canonical.toString());
    }

    /** Everything that was sent, for comparing two requests made with one idempotency key. */
    String fingerprint() {
        return fingerprint;
    }

    Set<String> names() {
        return root.keySet();
    }

    boolean has(String name) {
        return root.containsKey(name);
    }

    String string(String name) {
        return root.get(name) instanceof String s ? s : null;
    }

    String required(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw StripeError.missing(name);
        }
        return value;
    }

    Long integer(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalidInteger(name, value);
        }
    }

    Boolean bool(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw StripeError.invalid(name, "Invalid boolean: " + value);
        };
    }

    /** A map parameter ({@code metadata[k]=v}); null when absent, an empty map when sent as {@code name=}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        Object value = root.get(name);
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if ("".equals(value)) {
            return Map.of();
        }
        if (value != null) {
            throw StripeError.invalid(name, "Invalid object");
        }
        return null;
    }

    /** A list parameter; a single value counts as a list of one. */
    List<Object> list(String name) {
        Object value = root.get(name);
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (value instanceof Map<?, ?>) {
            throw StripeError.invalid(name, "Invalid array");
        }
        return List.of(value);
    }

    List<String> strings(String name) {
        return list(name).stream().map(v -> {
            if (!(v instanceof String s)) {
                throw StripeError.invalid(name, "Invalid array of strings");
            }
            return s;
        }).toList();
    }

    /** Refuses parameters the endpoint does not know, the way Stripe does. */
    StripeParams allow(Set<String> known) {
        for (String name : root.keySet()) {
            if (!known.contains(name)) {
                throw StripeError.unknown(name);
            }
        }
        return this;
    }

    private static List<String> segments(String name) {
        List<String> parts = new ArrayList<>();
        int bracket = name.indexOf('[');
        if (bracket < 0 || !name.endsWith("]")) {
            parts.add(name);
            return parts;
        }
        parts.add(name.substring(0, bracket));
        int i = bracket;
        while (i < name.length() && name.charAt(i) == '[') {
            int close = name.indexOf(']', i);
            if (close < 0) {
                break;
            }
            parts.add(name.substring(i + 1, close));
            i = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, String value) {
        String key = path.getFirst();
        if (path.size() == 1) {
            node.put(key, value);
            return;
        }
        if (path.get(1).isEmpty()) {
            List<Object> list = node.get(key) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
            node.put(key, list);
            if (path.size() == 2) {
                list.add(value);
            } else {
                Map<String, Object> element = new LinkedHashMap<>();
                insert(element, path.subList(2, path.size()), value);
                list.add(element);
            }
            return;
        }
        Map<String, Object> child = node.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        node.put(key, child);
        insert(child, path.subList(1, path.size()), value);
    }

    /** Maps whose keys are all indexes ({@code [0]}, {@code [1]}) become lists in index order. */
    @SuppressWarnings("unchecked")
    private static <T> T listify(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, listify(v)));
            if (!out.isEmpty() && out.keySet().stream().allMatch(k -> k.matches("\\d{1,4}"))) {
                TreeMap<Integer, Object> ordered = new TreeMap<>();
                out.forEach((k, v) -> ordered.put(Integer.parseInt(k), v));
                return (T) new ArrayList<>(ordered.values());
            }
            return (T) out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(listify(v)));
            return (T) out;
        }
        return (T) node;
    }
}
