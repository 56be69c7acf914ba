package dev.portal.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two sandbox customers who can become portal users (docs/sandbox.md): Jiro signs up as a new customer, Aiko
 * links her existing WHMCS client. Classes that only need them logged in get them here, whichever class ran first.
 */
final class Customers {

    static final String JIRO_EMAIL = "jiro.kobayashi@example.jp";
    static final String JIRO_PASSWORD = "jiro's portal password 1";
    static final String JIRO_NEW_PASSWORD = "jiro's new portal password 2";
    static final String AIKO_EMAIL = "aiko.tanaka@example.jp";
    static final String AIKO_PASSWORD = "aiko's portal password 1";

    private Customers() {
    }

    /** An access token of Jiro (no services in WHMCS), signing him up first if nobody has. */
    static String jiro() {
        return login(JIRO_EMAIL, List.of(JIRO_NEW_PASSWORD, JIRO_PASSWORD))
                .orElseGet(() -> {
                    Map<String, Object> signup = jiroSignup("SF-100005", JIRO_EMAIL);
                    signup.put("ownershipCode", ownershipCode("SF-100005", JIRO_EMAIL));
                    Browser.Response created = new Browser().post("/api/auth/signup", signup);
                    if (created.status() != 201) {
                        throw new AssertionError("Jiro could not sign up: " + created);
                    }
                    return login(JIRO_EMAIL, List.of(JIRO_PASSWORD)).orElseThrow();
                });
    }

    /** An access token of Aiko (two active SIMs in WHMCS), linking her WHMCS client first if nobody has. */
    static String aiko() {
        return login(AIKO_EMAIL, List.of(AIKO_PASSWORD))
                .orElseGet(() -> {
                    Browser.Response linked = new Browser().post("/api/auth/link", aikoLink("Sandbox-Pass-1"));
                    if (linked.status() != 201) {
                        throw new AssertionError("Aiko could not link her client: " + linked);
                    }
                    return login(AIKO_EMAIL, List.of(AIKO_PASSWORD)).orElseThrow();
                });
    }

    /**
     * Asks for the signup code of {@code customerNumber} and reads it from the mail to {@code onFile}, the contact
     * email the sandbox's Salesforce has for that customer.
     */
    static String ownershipCode(String customerNumber, String onFile) {
        Sandbox sandbox = new Sandbox();
        int seenBefore = sandbox.signupCodes(onFile).size();
        Browser.Response requested = new Browser().post("/api/auth/signup/ownership-code", Map.of("customerNumber", customerNumber));
        if (requested.status() != 202) {
            throw new AssertionError("the signup code could not be requested: " + requested);
        }
        return sandbox.signupCodeAfter(onFile, seenBefore);
    }

    static Map<String, Object> jiroSignup(String customerNumber, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerNumber", customerNumber);
        body.put("email", email);
        body.put("password", JIRO_PASSWORD);
        body.put("firstName", "Jiro");
        body.put("lastName", "Kobayashi");
        body.put("phone", "+81-90-1111-2222");
        body.put("address", Map.of("address1", "1-2-3 Shibuya", "address2", "Room 101", "city", "Shibuya-ku",
                "state", "Tokyo", "postcode", "150-0002", "country", "JP"));
        return body;
    }

    static Map<String, Object> aikoLink(String whmcsPassword) {
        return Map.of("customerNumber", "SF-100003", "email", AIKO_EMAIL, "whmcsPassword", whmcsPassword, "password", AIKO_PASSWORD);
    }

    private static java.util.Optional<String> login(String email, List<String> passwords) {
        for (String password : passwords) {
            Browser.Response login = new Browser().post("/api/auth/login", Map.of("email", email, "password", password));
            if (login.status() == 200) {
                return java.util.Optional.of(login.json().path("accessToken").asString());
            }
        }
        return java.util.Optional.empty();
    }
}
