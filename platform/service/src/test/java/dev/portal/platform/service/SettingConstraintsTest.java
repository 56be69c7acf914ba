package dev.portal.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The constraints settings records use beside Bean Validation's own. */
class SettingConstraintsTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Endpoint(@HttpUrl URI uri, @HttpUrl String text) {
    }

    record Limit(@PositiveDataSize DataSize size) {
    }

    @Test
    void an_http_url_is_absolute_with_a_host_and_an_http_scheme() {
        assertThat(VALIDATOR.validate(new Endpoint(URI.create("https://identity:8081/.well-known/jwks.json"), "http://127.0.0.1:8099/whmcs"))).isEmpty();
        assertThat(VALIDATOR.validate(new Endpoint(null, null))).as("absent is a matter for @NotNull").isEmpty();
        assertThat(VALIDATOR.validate(new Endpoint(URI.create("file:/etc/jwks.json"), "identity:8081"))).hasSize(2);
        assertThat(VALIDATOR.validate(new Endpoint(URI.create("/relative/path"), "http://"))).hasSize(2);
        assertThat(VALIDATOR.validate(new Endpoint(null, "http://bad host/"))).singleElement()
                .satisfies(violation -> assertThat(violation.getMessage()).isEqualTo("must be an absolute http or https URL"));
    }

    @Test
    void a_positive_data_size_allows_at_least_one_byte() {
        assertThat(VALIDATOR.validate(new Limit(DataSize.ofBytes(1)))).isEmpty();
        assertThat(VALIDATOR.validate(new Limit(null))).isEmpty();
        assertThat(VALIDATOR.validate(new Limit(DataSize.ofBytes(0)))).singleElement()
                .satisfies(violation -> assertThat(violation.getMessage()).isEqualTo("must be at least 1 byte"));
        assertThat(VALIDATOR.validate(new Limit(DataSize.ofBytes(-5)))).hasSize(1);
    }
}
