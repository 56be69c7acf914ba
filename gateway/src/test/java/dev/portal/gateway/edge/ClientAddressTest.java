package dev.portal.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String... ranges) {
        return new ClientAddress(List.of(ranges));
    }

    private static InetSocketAddress peer(String address) {
        return new InetSocketAddress(address, 40000);
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_it_forwards() {
        assertThat(trusting().resolve(peer("127.0.0.1"), List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_peer_outside_the_trusted_ranges_is_the_client() {
        assertThat(trusting("10.0.0.0/8").resolve(peer("198.51.100.1"), List.of("203.0.113.9"))).isEqualTo("198.51.100.1");
    }

    @Test
    void behind_trusted_proxies_the_rightmost_untrusted_entry_is_the_client() {
        ClientAddress addresses = trusting("10.0.0.0/8");

        assertThat(addresses.resolve(peer("10.0.0.2"), List.of("1.1.1.1, 203.0.113.9, 10.0.0.1"))).isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(peer("10.0.0.2"), List.of("1.1.1.1", "203.0.113.9:5123"))).isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(peer("10.0.0.2"), List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void a_trusted_proxy_without_a_forwarded_entry_is_the_client_itself() {
        assertThat(trusting("10.0.0.0/8").resolve(peer("10.0.0.2"), List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void an_entry_that_is_no_address_is_never_a_key_and_never_looked_up() {
        ClientAddress addresses = trusting("10.0.0.0/8");

        assertThat(addresses.resolve(peer("10.0.0.2"), List.of("203.0.113.9, attacker.example"))).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve(peer("10.0.0.2"), List.of("unknown, 10.0.0.1"))).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.literal("localhost")).isNull();
    }
}
