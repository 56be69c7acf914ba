package dev.portal.sandbox.freebit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One emptool request: the JSON carried in the form field {@code json} (urlencoded or multipart, as a plain field
 * or a file part) and the optional {@code version} field, with the field readers every operation shares.
 */
final class FreebitParams {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MSISDN = Pattern.compile("\\d{11}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ISO_LOCAL_DATE);

    private final JsonNode json;
    private final String formVersion;

    private FreebitParams(JsonNode json, String formVersion) {
        this.json = json;
        this.formVersion = formVersion;
    }

    static FreebitParams of(HttpServletRequest request) {
        String text = request.getParameter("json");
        if (text == null) {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile part = multipart == null ? null : multipart.getFile("json");
            if (part != null) {
                try {
                    text = new String(part.getBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    text = null;
                }
            }
        }
        if (text == null || text.isBlank()) {
            throw new FreebitError(FreebitError.REQUEST_UNREADABLE, "400", "the request has no json field");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new FreebitError(FreebitError.REQUEST_UNREADABLE, "400", "the json field is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new FreebitError(FreebitError.REQUEST_UNREADABLE, "400", "the json field is not a JSON object");
        }
        return new FreebitParams(node, request.getParameter("version"));
    }

    JsonNode json() {
        return json;
    }

    /** {@code version} from the JSON or, failing that, the form field. */
    String version() {
        String inJson = text(json, "version");
        return inJson != null ? inJson : formVersion;
    }

    String text(String field) {
        return text(json, field);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw FreebitError.invalid(field + " must be a value");
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    String required(String field) {
        return required(json, field, field);
    }

    static String required(JsonNode node, String field, String label) {
        String value = text(node, field);
        if (value == null) {
            throw FreebitError.invalid(label + " is required");
        }
        return value;
    }

    /** The target account: 11 digits. */
    String account() {
        return account(json, "account");
    }

    static String account(JsonNode node, String label) {
        String account = required(node, "account", label);
        if (!MSISDN.matcher(account).matches()) {
            throw FreebitError.invalid(label + " must be 11 digits without hyphens");
        }
        return account;
    }

    /** A {@code "10"}/{@code "20"} flag, or {@code otherwise} when absent. */
    String flag(String field, String otherwise) {
        String value = text(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.equals("10") && !value.equals("20")) {
            throw FreebitError.invalid(field + " must be \"10\" or \"20\"");
        }
        return value;
    }

    /** A date in YYYYMMDD (YYYY/MM/DD and YYYY-MM-DD accepted when {@code lenient}), or null when absent. */
    LocalDate date(String field, boolean lenient) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : lenient ? DATE_FORMATS : DATE_FORMATS.subList(0, 1)) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw FreebitError.invalid(field + " must be a date as YYYYMMDD");
    }

    /** A positive whole number within {@code min..max}. */
    long number(String field, long min, long max) {
        String value = required(field);
        if (!DIGITS.matcher(value).matches() || value.length() > 9) {
            throw FreebitError.invalid(field + " must be a whole number");
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw FreebitError.invalid(field + " must be " + min + ".." + max);
        }
        return number;
    }

    JsonNode object(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw FreebitError.invalid(field + " must be an object");
        }
        return value;
    }

    /** The fields of an object as text, in order. */
    static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String value = text(object, entry.getKey());
            if (value != null) {
                fields.put(entry.getKey(), value);
            }
        }
        return fields;
    }
}
