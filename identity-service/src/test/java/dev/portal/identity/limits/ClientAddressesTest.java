package dev.portal.identity.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.config.RateLimitProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new RateLimitProperties("5/15m", "5/15m", "20/5m", "10/1h", "10/1h",
            List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")));

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void an_untrusted_remote_address_is_the_client_whatever_it_forwards() {
        assertThat(addresses.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behind_a_trusted_proxy_the_rightmost_untrusted_entry_is_the_client() {
        // the client forged the first entry; the gateway appended the address it saw; an inner proxy appended its own
        assertThat(addresses.of(from("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("127.0.0.1", "1.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void without_forwarded_entries_a_trusted_remote_is_the_client() {
        assertThat(addresses.of(from("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(addresses.of(from("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void ports_and_brackets_are_dropped_and_names_are_never_resolved() {
        assertThat(addresses.of(from("127.0.0.1", "203.0.113.9:51234"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("127.0.0.1", "[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(addresses.of(from("127.0.0.1", "attacker.example"))).isEqualTo("attacker.example");
        assertThat(ClientAddresses.literal("localhost")).isNull();
    }
}
