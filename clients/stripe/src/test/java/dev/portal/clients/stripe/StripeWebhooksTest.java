package dev.portal.clients.stripe;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook signatures: t + "." + raw body, HMAC-SHA256 with the endpoint secret, 300 s tolerance. */
class StripeWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"created\":1768435200,"
            + "\"type\":\"customer.subscription.deleted\",\"livemode\":false,\"pending_webhooks\":1,"
            + "\"request\":{\"id\":null,\"idempotency_key\":null},"
            + "\"data\":{\"object\":{\"id\":\"sub_1\",\"object\":\"subscription\",\"customer\":\"cus_1\",\"status\":\"canceled\"}}}";

    private final StripeWebhooks webhooks = new StripeWebhooks("whsec_test", Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));

    static String header(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_correctly_signed_event_is_read() throws Exception {
        StripeEvent event = webhooks.verify(BODY, header("whsec_test", NOW.getEpochSecond(), BODY));

        assertThat(event.type()).isEqualTo("customer.subscription.deleted");
        assertThat(event.objectId()).isEqualTo("sub_1");
        assertThat(event.customerId()).isEqualTo("cus_1");
        assertThat(event.previousAttributes()).isNull();
        assertThat(event.requestId()).isNull();
    }

    @Test
    void any_matching_v1_among_several_is_accepted() throws Exception {
        String good = header("whsec_test", NOW.getEpochSecond(), BODY);
        String header = good.replace(",v1=", ",v1=" + "0".repeat(64) + ",v1=") + ",v0=ignored";

        assertThat(webhooks.verify(BODY, header).id()).isEqualTo("evt_1");
    }

    @Test
    void another_secret_is_refused() throws Exception {
        assertThatThrownBy(() -> webhooks.verify(BODY, header("whsec_other", NOW.getEpochSecond(), BODY)))
                .isInstanceOf(StripeSignatureException.class);
    }

    @Test
    void a_changed_body_is_refused() throws Exception {
        String header = header("whsec_test", NOW.getEpochSecond(), BODY);

        assertThatThrownBy(() -> webhooks.verify(BODY.replace("canceled", "active"), header))
                .isInstanceOf(StripeSignatureException.class);
    }

    @Test
    void a_timestamp_older_than_the_tolerance_is_refused() throws Exception {
        assertThatThrownBy(() -> webhooks.verify(BODY, header("whsec_test", NOW.getEpochSecond() - 301, BODY)))
                .isInstanceOf(StripeSignatureException.class);
    }

    @Test
    void a_missing_header_is_refused() {
        assertThatThrownBy(() -> webhooks.verify(BODY, null)).isInstanceOf(StripeSignatureException.class);
        assertThatThrownBy(() -> webhooks.verify(BODY, "garbage")).isInstanceOf(StripeSignatureException.class);
    }
}
