package dev.portal.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The running sandbox's admin API and Salesforce REST, as the tests drive them (never through the portal). */
final class Sandbox {

    private static final Pattern SIGNUP_CODE = Pattern.compile("\\b([0-9]{8})\\b");
    private static final Pattern RESET_TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Texts of the mails the SMTP sink received for an address, oldest first. */
    List<String> mailsTo(String address) {
        JsonNode messages = Browser.JSON.readTree(send(HttpRequest.newBuilder(uri("/sandbox/admin/smtp/messages?to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8))).GET()).body());
        return messages.valueStream().map(m -> m.path("subject").asString() + "\n" + m.path("text").asString()).toList();
    }

    /** The reset token in the newest mail to an address, if one came. */
    java.util.Optional<String> latestResetToken(String address) {
        List<String> mails = mailsTo(address);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher token = RESET_TOKEN.matcher(mails.get(i));
            if (token.find()) {
                return java.util.Optional.of(token.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** The codes of the signup-code mails an address received, oldest first. */
    List<String> signupCodes(String address) {
        List<String> codes = new java.util.ArrayList<>();
        for (String mail : mailsTo(address)) {
            Matcher found = SIGNUP_CODE.matcher(mail);
            if (mail.startsWith("Your portal signup code\n") && found.find()) {
                codes.add(found.group(1));
            }
        }
        return codes;
    }

    /**
     * The code of the first signup-code mail to an address after the {@code seenBefore} it had, waiting for it to
     * arrive (mails go out asynchronously: an older one must not be taken for it).
     */
    String signupCodeAfter(String address, int seenBefore) {
        return org.awaitility.Awaitility.await("signup code mail number " + (seenBefore + 1) + " to " + address)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> signupCodes(address), codes -> codes.size() > seenBefore).get(seenBefore);
    }

    /** PATCH of one record through Salesforce's REST API, authenticated as the integration user. */
    void patchSalesforceRecord(String type, String id, String json) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/salesforce/services/data/v62.0/sobjects/" + type + "/" + id))
                .header("Authorization", "Bearer " + salesforceToken()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        if (answer.statusCode() != 204) {
            throw new AssertionError("Salesforce PATCH " + type + "/" + id + " -> " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A call of the admin API (faults, WHMCS scenarios); fails on anything but 2xx. */
    JsonNode admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sandbox/admin" + path));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError("sandbox admin " + method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
        return Browser.JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
    }

    /** One record through Salesforce's REST API, as the integration user sees it. */
    JsonNode salesforceRecord(String type, String id) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/salesforce/services/data/v62.0/sobjects/" + type + "/" + id))
                .header("Authorization", "Bearer " + salesforceToken()).GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("Salesforce GET " + type + "/" + id + " -> " + answer.statusCode() + " " + answer.body());
        }
        return Browser.JSON.readTree(answer.body());
    }

    /** A WHMCS API action with the sandbox's API credentials, e.g. {@code GetOrders} with {@code userid=3}. */
    JsonNode whmcs(String action, String query) {
        String form = "action=" + action + "&identifier=sandbox-identifier&secret=sandbox-secret&responsetype=json"
                + (query.isEmpty() ? "" : "&" + query);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/whmcs/includes/api.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode json = Browser.JSON.readTree(answer.body());
        if (!"success".equals(json.path("result").asString())) {
            throw new AssertionError("WHMCS " + action + " -> " + answer.statusCode() + " " + answer.body());
        }
        return json;
    }

    private String salesforceToken() {
        HttpResponse<String> token = send(HttpRequest.newBuilder(uri("/salesforce/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret")));
        return Browser.JSON.readTree(token.body()).path("access_token").asString();
    }

    private static URI uri(String path) {
        return URI.create(RunningSuite.url(8099, path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("sandbox call failed: " + e, e);
        }
    }
}
