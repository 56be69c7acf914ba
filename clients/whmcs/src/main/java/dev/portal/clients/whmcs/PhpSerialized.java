package dev.portal.clients.whmcs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What WHMCS expects in {@code customfields[]} and {@code configoptions[]}: {@code base64_encode(serialize($array))}
 * of a PHP array, here of integer keys and string values ({@code a:1:{i:12;s:3:"abc";}}). PHP counts a string's
 * length in bytes.
 */
final class PhpSerialized {

    private PhpSerialized() {
    }

    static String base64Array(Map<Long, String> values) {
        StringBuilder php = new StringBuilder("a:").append(values.size()).append(":{");
        values.forEach((key, value) -> php.append("i:").append(key).append(";s:")
                .append(value.getBytes(StandardCharsets.UTF_8).length).append(":\"").append(value).append("\";"));
        php.append('}');
        return Base64.getEncoder().encodeToString(php.toString().getBytes(StandardCharsets.UTF_8));
    }
}
