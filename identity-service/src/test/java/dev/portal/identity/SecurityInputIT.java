package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hostile or broken input: oversized and malformed bodies, mass assignment; and the OpenAPI document. */
class SecurityInputIT extends IdentityTestBase {

    @Test
    void an_oversized_body_is_a_413_problem() {
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "@example.jp\",\"password\":\"x\"}";

        HttpResponse<String> response = post("/api/auth/login", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = post("/api/auth/signup", "{\"customerNumber\": \"SF-100005\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).doesNotContain("at dev.portal").doesNotContain("Exception");
    }

    @Test
    void unknown_signup_fields_are_ignored_and_never_persisted() {
        givenOwnershipCode("SF-100005", "jiro.kobayashi@example.jp");
        UUID chosenId = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(signup("SF-100005", "jiro.kobayashi@example.jp", "long enough password"));
        body.put("id", chosenId.toString());
        body.put("userId", chosenId.toString());
        body.put("sessionVersion", -5);
        body.put("passwordHash", "$argon2id$v=19$m=1,t=1,p=1$AAAA$BBBB");
        body.put("whmcsClientId", 1);

        HttpResponse<String> response = post("/api/auth/signup", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID created = UUID.fromString(json(response).path("userId").asString());
        assertThat(created).isNotEqualTo(chosenId);
        assertThat(json(response).path("whmcsClientId").asInt()).isNotEqualTo(1);
        Map<String, Object> row = jdbc.sql("select session_version, password_hash from users where id = ?").param(created).query().singleRow();
        assertThat(row.get("session_version")).isEqualTo(0);
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(post("/api/auth/login", Map.of("email", "jiro.kobayashi@example.jp", "password", "long enough password")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_openapi_document_is_served_without_a_token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("paths").has("/api/auth/password-reset/request")).isTrue();
        assertThat(json(response).path("paths").has("/api/me/profile")).isTrue();
    }
}
