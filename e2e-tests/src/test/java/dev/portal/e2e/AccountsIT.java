package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts through the gateway against the sandbox: signup and each of its refusals, the link flow, a browser
 * session with CSRF, forged tokens, and the password reset by mail that ends every old session. The steps build
 * on each other (one customer's life), hence the order.
 */
@Order(1)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsIT {

    private static final String JIRO_EMAIL = Customers.JIRO_EMAIL;
    private static final String JIRO_PASSWORD = Customers.JIRO_PASSWORD;
    private static final String AIKO_EMAIL = Customers.AIKO_EMAIL;
    private static final String AIKO_PASSWORD = Customers.AIKO_PASSWORD;

    private final Sandbox sandbox = new Sandbox();
    private String jiroAccessToken;
    private String jiroRefreshToken;

    @Test
    @Order(1)
    void signup_refuses_each_failed_check_with_its_code() {
        assertProblem(anonymous().post("/api/auth/signup", signup("SF-999999", "nobody@example.jp")), 422, "customer-not-found");
        assertProblem(anonymous().post("/api/auth/signup", signup("SF-100001", "hanako.new@example.jp")), 409, "already-linked");
        Map<String, Object> mika = signup("SF-100006", "mika.ito@example.jp");
        mika.put("ownershipCode", Customers.ownershipCode("SF-100006", "mika.ito@example.jp"));
        assertProblem(anonymous().post("/api/auth/signup", mika), 409, "whmcs-email-taken");
        Map<String, Object> weak = signup("SF-100005", "not-an-email");
        weak.put("password", "short");
        Browser.Response invalid = anonymous().post("/api/auth/signup", weak);
        assertProblem(invalid, 400, "validation-failed");
        assertThat(invalid.body()).as("field errors name the fields").contains("email").contains("password");
        assertProblem(anonymous().send("POST", "/api/auth/signup", "{\"customerNumber\":", Map.of()), 400, null);
    }

    @Test
    @Order(2)
    void a_known_customer_number_without_the_code_mailed_to_its_contact_email_claims_nothing() {
        Map<String, Object> guessed = signup("SF-100005", "attacker@example.jp");
        guessed.put("ownershipCode", "12345678");

        assertProblem(anonymous().post("/api/auth/signup", guessed), 400, "ownership-code-invalid");
        int codesBefore = sandbox.signupCodes(JIRO_EMAIL).size();
        Browser.Response again = anonymous().post("/api/auth/signup/ownership-code", Map.of("customerNumber", "SF-100005"));
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.body()).as("the same answer for every customer number")
                .isEqualTo(anonymous().post("/api/auth/signup/ownership-code", Map.of("customerNumber", "SF-999999")).body());
        assertThat(sandbox.signupCodeAfter(JIRO_EMAIL, codesBefore)).as("the code goes to the address on file").hasSize(8);
        assertThat(sandbox.mailsTo("attacker@example.jp")).isEmpty();
    }

    @Test
    @Order(3)
    void jiro_signs_up_through_the_gateway_with_the_code_from_his_mail_and_his_email_is_then_taken() {
        Map<String, Object> body = signup("SF-100005", JIRO_EMAIL);
        body.put("ownershipCode", Customers.ownershipCode("SF-100005", JIRO_EMAIL));
        Browser.Response created = anonymous().post("/api/auth/signup", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("whmcsClientId").asInt()).isPositive();

        assertProblem(anonymous().post("/api/auth/signup", signup("SF-100005", JIRO_EMAIL)), 409, "email-taken");
    }

    @Test
    @Order(4)
    void a_browser_session_uses_cookies_with_csrf_protection_refreshes_and_logs_out() {
        Browser browser = new Browser();
        Browser.Response login = browser.post("/api/auth/login", Map.of("email", JIRO_EMAIL, "password", JIRO_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(browser.cookie("portal_access")).as("access cookie").isPresent();
        assertThat(login.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("portal_access=").contains("HttpOnly").contains("SameSite"));

        Browser.Response me = browser.get("/api/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(JIRO_EMAIL);
        assertThat(me.json().path("linked").asBoolean()).isTrue();

        // a cookie-authenticated write without the CSRF header is refused, with it accepted
        browser.withoutCsrfHeader();
        assertProblem(browser.patch("/api/me/profile", Map.of("phone", "+81-90-3333-4444")), 403, "csrf-invalid");
        Browser.Response csrf = browser.get("/api/auth/csrf");
        assertThat(csrf.status()).as(csrf.toString()).isEqualTo(200);
        assertThat(browser.cookie("XSRF-TOKEN")).isPresent();
        browser.withCsrfHeader();
        Browser.Response patched = browser.patch("/api/me/profile", Map.of("phone", "+81-90-3333-4444"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        Browser.Response profile = browser.get("/api/me/profile");
        assertThat(profile.json().path("phone").asString()).as(profile.toString()).isEqualTo("+81-90-3333-4444");

        String before = browser.cookie("portal_refresh").orElseThrow();
        Browser.Response refreshed = browser.post("/api/auth/refresh", null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(browser.cookie("portal_refresh")).as("the refresh token rotates").isPresent().get().isNotEqualTo(before);

        assertThat(browser.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertProblem(browser.get("/api/me"), 401, null);
        assertProblem(anonymous().post("/api/auth/refresh", Map.of("refreshToken", before)), 401, null);
    }

    @Test
    @Order(5)
    void aiko_links_her_existing_whmcs_client_by_proving_its_password_once() {
        Map<String, Object> wrong = link("wrong password");
        assertProblem(anonymous().post("/api/auth/link", wrong), 401, "invalid-credentials");

        Browser.Response linked = anonymous().post("/api/auth/link", link("Sandbox-Pass-1"));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);

        Browser.Response login = anonymous().post("/api/auth/login", Map.of("email", AIKO_EMAIL, "password", AIKO_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        Browser.Response me = Browser.bearer(login.json().path("accessToken").asString()).get("/api/me");
        assertThat(me.json().path("whmcsClientId").asInt()).as(me.toString()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void forged_or_missing_tokens_are_refused_at_the_edge() {
        Browser.Response login = anonymous().post("/api/auth/login", Map.of("email", JIRO_EMAIL, "password", JIRO_PASSWORD));
        jiroAccessToken = login.json().path("accessToken").asString();
        jiroRefreshToken = login.json().path("refreshToken").asString();
        assertThat(Browser.bearer(jiroAccessToken).get("/api/me").status()).isEqualTo(200);

        assertProblem(anonymous().get("/api/me"), 401, "unauthenticated");
        assertProblem(Browser.bearer(Tokens.tampered(jiroAccessToken, "sub", "00000000-0000-0000-0000-000000000001")).get("/api/me"), 401, "token-invalid");
        assertProblem(Browser.bearer(Tokens.unsigned(jiroAccessToken)).get("/api/me"), 401, "token-invalid");
        assertProblem(Browser.bearer(Tokens.signedWithAnotherKey(jiroAccessToken)).get("/api/me"), 401, "token-invalid");
        assertProblem(Browser.bearer("not.a.jwt").get("/api/catalog"), 401, "token-invalid");
    }

    @Test
    @Order(7)
    void a_password_reset_by_mail_ends_every_old_session_at_once() {
        Browser.Response unknown = anonymous().post("/api/auth/password-reset/request", Map.of("email", "nobody@example.jp"));
        Browser.Response known = anonymous().post("/api/auth/password-reset/request", Map.of("email", JIRO_EMAIL));
        assertThat(known.status()).as(known.toString()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).as("the same answer whether the email exists or not").isEqualTo(known.body());

        String token = await("the reset mail in the SMTP sink").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> sandbox.latestResetToken(JIRO_EMAIL), java.util.Optional::isPresent).orElseThrow();
        String newPassword = Customers.JIRO_NEW_PASSWORD;
        Browser.Response confirmed = anonymous().post("/api/auth/password-reset/confirm", Map.of("token", token, "password", newPassword));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

        await("the gateway refuses the access token issued before the reset").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertProblem(Browser.bearer(jiroAccessToken).get("/api/me"), 401, "token-revoked"));
        assertProblem(anonymous().post("/api/auth/refresh", Map.of("refreshToken", jiroRefreshToken)), 401, null);
        assertProblem(anonymous().post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "yet another password 3")),
                400, "reset-token-invalid");
        assertProblem(anonymous().post("/api/auth/login", Map.of("email", JIRO_EMAIL, "password", JIRO_PASSWORD)), 401, null);
        Browser.Response login = anonymous().post("/api/auth/login", Map.of("email", JIRO_EMAIL, "password", newPassword));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(Browser.bearer(login.json().path("accessToken").asString()).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void the_sixth_reset_request_from_one_address_within_fifteen_minutes_is_refused() {
        // the previous step asked twice from this address
        for (int request = 3; request <= 5; request++) {
            Browser.Response accepted = anonymous().post("/api/auth/password-reset/request", Map.of("email", "someone" + request + "@example.jp"));
            assertThat(accepted.status()).as("request %d: %s", request, accepted).isEqualTo(202);
        }
        Browser.Response refused = anonymous().post("/api/auth/password-reset/request", Map.of("email", "someone6@example.jp"));
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).as("Retry-After").get().satisfies(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 15 * 60));
    }

    /** A fresh client without cookies, so that no earlier login speaks for it. */
    private static Browser anonymous() {
        return new Browser();
    }

    static void assertProblem(Browser.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).get().asString().startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.code()).as(response.toString()).isEqualTo(code);
        }
    }

    /**
     * A signup with a well-formed code nobody mailed: the business checks (email taken, customer found, not linked)
     * answer before the code is looked at; past them it is {@code ownership-code-invalid}.
     */
    private static Map<String, Object> signup(String customerNumber, String email) {
        Map<String, Object> body = Customers.jiroSignup(customerNumber, email);
        body.put("ownershipCode", "00000000");
        return body;
    }

    private static Map<String, Object> link(String whmcsPassword) {
        return Customers.aikoLink(whmcsPassword);
    }
}
