package dev.portal.identity.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.identity.config.RateLimitProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new RateLimitProperties("5/15m", "5/15m", "20/5m", "10/1h", "10/1h",
            List.of("127.0.0.1/32", "::1/128"),
            "30/5m", "10/15m", "10/1h", "5/1h", "10/1h", "5/15m"));

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void a_peer_that_is_not_the_gateway_is_the_client_whatever_it_forwards() {
        assertThat(addresses.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(addresses.of(from("10.0.0.2", "198.51.100.1"))).as("a private address is not the gateway by itself").isEqualTo("10.0.0.2");
        assertThat(addresses.of(from("127.0.0.2", "198.51.100.1"))).isEqualTo("127.0.0.2");
    }

    @Test
    void behind_the_gateway_the_entry_the_gateway_wrote_is_the_client() {
        assertThat(addresses.of(from("127.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("127.0.0.1", "1.1.1.1", "203.0.113.9"))).as("the rightmost entry only").isEqualTo("203.0.113.9");
    }

    @Test
    void without_forwarded_entries_the_gateway_itself_is_the_client() {
        assertThat(addresses.of(from("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(addresses.of(from("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void ports_and_brackets_are_dropped_and_a_name_is_refused_never_resolved() {
        assertThat(addresses.of(from("127.0.0.1", "203.0.113.9:51234"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("127.0.0.1", "[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThatThrownBy(() -> addresses.of(from("127.0.0.1", "attacker.example"))).isInstanceOf(ClientAddressInvalid.class);
        assertThat(ClientAddresses.literal("localhost")).isNull();
    }
}
