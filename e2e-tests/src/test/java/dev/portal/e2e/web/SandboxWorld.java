package dev.portal.e2e.web;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fresh customers and subscriptions made in the running sandbox through the external systems' own APIs (Salesforce
 * REST, the WHMCS API, the Stripe API), so that each browser test has people nobody else touched, and the mails its
 * SMTP sink received. Never through the portal: the portal is what the tests look at.
 */
final class SandboxWorld {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SIGNUP_CODE = Pattern.compile("\\b([0-9]{8})\\b");
    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+?[?&]token=[A-Za-z0-9_\\-]+");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A customer Salesforce knows and nobody has signed up for; the email is unique to this run. */
    record Customer(String customerNumber, String email, String firstName, String lastName) {
    }

    static Customer newCustomer(String firstName, String lastName) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = new Customer("WEB-" + suffix.toUpperCase(), firstName.toLowerCase() + "." + suffix + "@example.jp",
                firstName, lastName);
        JsonNode created = salesforce("POST", "/sobjects/Account", Map.of("Name", lastName + " " + firstName,
                "SF_Account_No__c", customer.customerNumber(), "Portal_Status__c", "Not Registered"));
        if (!created.path("success").asBoolean()) {
            throw new AssertionError("Salesforce did not create the Account: " + created);
        }
        // the contact email on file: signup codes go there, and a linked WHMCS client must have it
        JsonNode contact = salesforce("POST", "/sobjects/Contact", Map.of("AccountId", created.path("id").asString(),
                "FirstName", firstName, "LastName", lastName, "Email", customer.email()));
        if (!contact.path("success").asBoolean()) {
            throw new AssertionError("Salesforce did not create the Contact: " + contact);
        }
        return customer;
    }

    /** The code in the newest signup-code mail to this address, waiting for it to arrive. */
    static String signupCode(String email) {
        return codeMailed(email, "Your portal signup code");
    }

    /** The code in the newest mail that asks to confirm a signup email other than the one on file. */
    static String emailConfirmationCode(String email) {
        return codeMailed(email, "Confirm your portal email");
    }

    private static String codeMailed(String email, String subject) {
        return await("the mail '" + subject + "' to " + email).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode mails = JSON.readTree(send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/sandbox/admin/smtp/messages?to="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8)))).GET()).body());
            String code = null;
            for (JsonNode mail : mails) {
                Matcher found = SIGNUP_CODE.matcher(mail.path("text").asString());
                if (mail.path("subject").asString().equals(subject) && found.find()) {
                    code = found.group(1);
                }
            }
            return code;
        }, java.util.Objects::nonNull);
    }

    /** A customer who already pays through WHMCS (with this WHMCS password) and has no portal account yet. */
    static Customer newBillingCustomer(String firstName, String lastName, String whmcsPassword) {
        Customer customer = newCustomer(firstName, lastName);
        Map<String, String> client = new LinkedHashMap<>();
        client.put("action", "AddClient");
        client.put("firstname", firstName);
        client.put("lastname", lastName);
        client.put("email", customer.email());
        client.put("address1", "2-3-4 Umeda");
        client.put("city", "Osaka");
        client.put("state", "Osaka");
        client.put("postcode", "530-0001");
        client.put("country", "JP");
        client.put("phonenumber", "+81-6-1234-5678");
        client.put("password2", whmcsPassword);
        JsonNode answer = whmcs(client);
        if (!"success".equals(answer.path("result").asString())) {
            throw new AssertionError("WHMCS did not add the client: " + answer);
        }
        return customer;
    }

    /** An active Stripe subscription whose plan allows {@code quota} wishlists. */
    static String newSubscription(int quota) {
        JsonNode customer = stripe("POST", "/v1/customers", Map.of("email", "payer-" + UUID.randomUUID() + "@example.jp"));
        JsonNode price = stripe("POST", "/v1/prices", Map.of("product", "prod_sandbox_wishlist_starter", "currency", "jpy",
                "unit_amount", "1500", "recurring[interval]", "month", "metadata[wishlist_quota]", Integer.toString(quota)));
        JsonNode subscription = stripe("POST", "/v1/subscriptions", Map.of("customer", customer.path("id").asString(),
                "items[0][price]", price.path("id").asString()));
        if (!"active".equals(subscription.path("status").asString())) {
            throw new AssertionError("Stripe did not make an active subscription: " + subscription);
        }
        return subscription.path("id").asString();
    }

    /** Cancels now at Stripe; the sandbox sends the signed webhook to the gateway. */
    static void cancelSubscription(String subscriptionId) {
        stripe("DELETE", "/v1/subscriptions/" + subscriptionId, Map.of());
    }

    /** Registers a card (Visa ending 4242) in WHMCS for the client with this email, as the customer would in WHMCS. */
    static void addCard(String email) {
        JsonNode answer = whmcs(Map.of("action", "AddPayMethod", "clientid", whmcsClientId(email), "type", "RemoteCreditCard",
                "gateway_module_name", "stripe", "card_number", "4242424242424242", "card_expiry", "1230", "description", "Visa 4242"));
        if (!"success".equals(answer.path("result").asString())) {
            throw new AssertionError("WHMCS did not add the card: " + answer);
        }
    }

    /** An active WHMCS service of this Internet product (WHMCS product id) for the client with this email. */
    static void addActiveService(String email, int productId) {
        JsonNode order = whmcs(Map.of("action", "AddOrder", "clientid", whmcsClientId(email), "pid[0]", Integer.toString(productId),
                "billingcycle[0]", "monthly", "paymentmethod", "banktransfer"));
        if (!"success".equals(order.path("result").asString())) {
            throw new AssertionError("WHMCS did not add the order: " + order);
        }
        JsonNode accepted = whmcs(Map.of("action", "AcceptOrder", "orderid", order.path("orderid").asString()));
        if (!"success".equals(accepted.path("result").asString())) {
            throw new AssertionError("WHMCS did not accept the order: " + accepted);
        }
    }

    /** Approves a Salesforce Order as an operator does (Status = Approved), which starts its fulfillment. */
    static void approveOrder(String orderId) {
        salesforceAdmin("/orders/" + orderId + "/approve", Map.of());
    }

    /** An agent moves a case to another status (New, Working, Closed). */
    static void moveCase(String caseId, String status) {
        salesforceAdmin("/cases/" + caseId + "/status", Map.of("status", status));
    }

    /** An agent comments on a case: a public answer, or an internal note the customer must never see. */
    static void commentOnCase(String caseId, String body, boolean published) {
        salesforceAdmin("/cases/" + caseId + "/comments", Map.of("body", body, "published", published));
    }

    private static void salesforceAdmin(String path, Map<String, ?> body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/sandbox/admin/salesforce" + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (answer.statusCode() >= 300) {
            throw new AssertionError("sandbox admin " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
    }

    private static String whmcsClientId(String email) {
        JsonNode client = whmcs(Map.of("action", "GetClientsDetails", "email", email));
        if (!"success".equals(client.path("result").asString())) {
            throw new AssertionError("WHMCS has no client " + email + ": " + client);
        }
        return client.path("client_id").asString();
    }

    /** The reset link of the newest reset mail to this address, waiting for it to arrive. */
    static String resetLink(String email) {
        return tokenLink(email);
    }

    /** The confirmation link of the newest email-change mail to the new address, waiting for it to arrive. */
    static String emailChangeLink(String newEmail) {
        return tokenLink(newEmail);
    }

    private static String tokenLink(String email) {
        return await("a mail with a link to " + email).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode mails = JSON.readTree(send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/sandbox/admin/smtp/messages?to="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8)))).GET()).body());
            String link = null;
            for (JsonNode mail : mails) {
                Matcher found = RESET_LINK.matcher(mail.path("text").asString());
                if (found.find()) {
                    link = found.group();
                }
            }
            return link;
        }, java.util.Objects::nonNull);
    }

    private static JsonNode salesforce(String method, String path, Map<String, String> body) {
        String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/salesforce/services/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret")))
                .body()).path("access_token").asString();
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/salesforce/services/data/v62.0" + path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))).body());
    }

    private static JsonNode whmcs(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("identifier", "sandbox-identifier");
        all.put("secret", "sandbox-secret");
        all.put("responsetype", "json");
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/whmcs/includes/api.php")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(all)))).body());
    }

    private static JsonNode stripe(String method, String path, Map<String, String> parameters) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(WebSuite.sandbox("/stripe" + path)))
                .header("Authorization", "Bearer sk_test_sandbox").header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, parameters.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form(parameters))));
        if (answer.statusCode() >= 300) {
            throw new AssertionError("Stripe " + method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("sandbox call failed: " + e, e);
        }
    }

    private SandboxWorld() {
    }
}
