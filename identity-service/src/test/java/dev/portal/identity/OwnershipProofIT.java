package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer numbers are sequential, so knowing one proves nothing: a signup needs the one-time code mailed to the
 * contact email the Account has on file, and a signup email other than that address is proven by its own code before
 * anything is created anywhere.
 */
class OwnershipProofIT extends IdentityTestBase {

    private static final String JIRO = "SF-100005";
    private static final String ON_FILE = "jiro.kobayashi@example.jp";
    private static final String PASSWORD = "a long portal password";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{8})\\b");

    @Autowired WhmcsClient whmcs;

    @Test
    void a_known_customer_number_without_the_mailed_code_cannot_claim_the_account() {
        long before = nextWhmcsClientId();
        Map<String, Object> guessed = new HashMap<>(signup(JIRO, "attacker@example.jp", PASSWORD));
        guessed.put("ownershipCode", "00000000");

        HttpResponse<String> response = post("/api/auth/signup", guessed);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("ownership-code-invalid");
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from saga_instances").query(Integer.class).single()).isZero();
        assertThat(nextWhmcsClientId()).as("no WHMCS client was created").isEqualTo(before + 1);
    }

    @Test
    void the_code_goes_to_the_contact_email_on_file_and_a_signup_with_that_email_is_created_at_once() {
        HttpResponse<String> requested = post("/api/auth/signup/ownership-code", Map.of("customerNumber", "sf-100005"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String code = codeIn(awaitMail(ON_FILE, "Your portal signup code"));

        Map<String, Object> body = new HashMap<>(signup(JIRO, ON_FILE, PASSWORD));
        body.put("ownershipCode", code);
        HttpResponse<String> created = post("/api/auth/signup", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(post("/api/auth/login", Map.of("email", ON_FILE, "password", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from ownership_codes").query(Integer.class).single())
                .as("the code has done its work").isZero();
        assertThat(jdbc.sql("select count(*) from signup_submissions").query(Integer.class).single())
                .as("the submission and its password hash go once the user exists").isZero();
    }

    @Test
    void asking_for_a_code_answers_the_same_for_unknown_linked_and_open_customer_numbers_and_mails_only_the_open_one() {
        HttpResponse<String> unknown = post("/api/auth/signup/ownership-code", Map.of("customerNumber", "SF-999999"));
        HttpResponse<String> linked = post("/api/auth/signup/ownership-code", Map.of("customerNumber", "SF-100001"));
        HttpResponse<String> open = post("/api/auth/signup/ownership-code", Map.of("customerNumber", JIRO));

        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(linked.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(linked.body()).isEqualTo(open.body());
        awaitMail(ON_FILE, "Your portal signup code"); // handled after the two others, through the same path
        assertThat(mails("hanako.yamada@example.jp").size()).as("a customer with a portal user gets no code").isZero();
    }

    @Test
    void five_wrong_guesses_use_the_code_up() {
        givenOwnershipCode(JIRO, ON_FILE);
        for (int guess = 0; guess < 5; guess++) {
            Map<String, Object> wrong = new HashMap<>(signup(JIRO, ON_FILE, PASSWORD));
            wrong.put("ownershipCode", String.format("%08d", guess));
            assertThat(problemCode(post("/api/auth/signup", wrong))).isEqualTo("ownership-code-invalid");
        }

        HttpResponse<String> right = post("/api/auth/signup", signup(JIRO, ON_FILE, PASSWORD));

        assertThat(right.statusCode()).as(right.body()).isEqualTo(400);
        assertThat(problemCode(right)).isEqualTo("ownership-code-invalid");
    }

    @Test
    void a_code_for_one_customer_number_does_not_open_another() {
        givenOwnershipCode(JIRO, ON_FILE);

        HttpResponse<String> response = post("/api/auth/signup", signup("SF-100003", "someone@example.jp", PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("ownership-code-invalid");
    }

    @Test
    void a_signup_email_other_than_the_one_on_file_is_proven_by_its_own_code_before_anything_is_created() {
        String personal = "jiro.personal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        givenOwnershipCode(JIRO, ON_FILE);
        long before = nextWhmcsClientId();

        HttpResponse<String> pending = post("/api/auth/signup", signup(JIRO, personal, PASSWORD));

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        assertThat(json(pending).path("status").asString()).isEqualTo("email-confirmation-required");
        assertThat(nextWhmcsClientId()).as("nothing created in WHMCS yet").isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
        assertThat(post("/api/auth/login", Map.of("email", personal, "password", PASSWORD)).statusCode()).isEqualTo(401);
        String code = codeIn(awaitMail(personal, "Confirm your portal email"));

        HttpResponse<String> wrong = post("/api/auth/signup/confirm", Map.of("customerNumber", JIRO, "email", personal,
                "emailCode", code.equals("11111111") ? "22222222" : "11111111"));
        assertThat(problemCode(wrong)).isEqualTo("email-code-invalid");
        HttpResponse<String> confirmed = post("/api/auth/signup/confirm", Map.of("customerNumber", JIRO, "email", personal,
                "emailCode", code));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(post("/api/auth/login", Map.of("email", personal, "password", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_confirmation_code_sent_for_one_signup_does_not_confirm_another_email() {
        givenOwnershipCode(JIRO, ON_FILE);
        String personal = "jiro.other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        assertThat(post("/api/auth/signup", signup(JIRO, personal, PASSWORD)).statusCode()).isEqualTo(202);
        String code = codeIn(awaitMail(personal, "Confirm your portal email"));

        HttpResponse<String> elsewhere = post("/api/auth/signup/confirm", Map.of("customerNumber", JIRO,
                "email", "attacker@example.jp", "emailCode", code));

        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
        assertThat(problemCode(elsewhere)).isEqualTo("email-code-invalid");
    }

    @Test
    void a_made_up_confirmation_code_cannot_finish_a_signup_whose_first_confirmation_failed_on_the_way() {
        String personal = "jiro.retry-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        givenOwnershipCode(JIRO, ON_FILE);
        assertThat(post("/api/auth/signup", signup(JIRO, personal, PASSWORD)).statusCode()).isEqualTo(202);
        String code = codeIn(awaitMail(personal, "Confirm your portal email"));
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");
        Map<String, Object> confirmation = new HashMap<>(Map.of("customerNumber", JIRO, "email", personal, "emailCode", code));
        HttpResponse<String> failed = post("/api/auth/signup/confirm", confirmation);
        assertThat(failed.statusCode()).as("WHMCS away: the email is proven, the account not created").isGreaterThanOrEqualTo(500);
        SANDBOX.clearFaults();

        confirmation.put("emailCode", code.equals("11111111") ? "22222222" : "11111111");
        HttpResponse<String> madeUp = post("/api/auth/signup/confirm", confirmation);

        assertThat(madeUp.statusCode()).as(madeUp.body()).isEqualTo(400);
        assertThat(problemCode(madeUp)).isEqualTo("email-code-invalid");
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
        confirmation.put("emailCode", code);
        HttpResponse<String> retried = post("/api/auth/signup/confirm", confirmation);
        assertThat(retried.statusCode()).as("the mailed code still finishes it: " + retried.body()).isEqualTo(201);
    }

    private static String codeIn(tools.jackson.databind.JsonNode mail) {
        Matcher code = CODE.matcher(mail.path("text").asString());
        assertThat(code.find()).as(mail.path("text").asString()).isTrue();
        return code.group(1);
    }

    private long nextWhmcsClientId() {
        return whmcs.addClient(new NewClient("Probe", "Client", "probe-" + UUID.randomUUID() + "@example.jp", "1 Probe St", "",
                "Chiyoda-ku", "Tokyo", "100-0001", "JP", "+81-3-0000-0000", "Probe-Pass-1", null, true));
    }
}
