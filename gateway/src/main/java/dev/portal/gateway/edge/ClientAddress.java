package dev.portal.gateway.edge;

import dev.portal.gateway.config.GatewayProperties;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who the client is, decided once per request before anything counts it: the TCP peer, unless the peer is one of
 * the configured trusted proxies ({@code portal.gateway.clients.trusted-proxies}); then the rightmost
 * {@code X-Forwarded-For} entry that is not a trusted proxy itself (entries to its left were written by the client
 * and prove nothing). A header sent by anyone else is never read: the per-IP limits here and in the services (which
 * trust only the gateway's entry, see {@link ForwardedFor}) cannot be escaped by sending one.
 */
@Component
public class ClientAddress implements WebFilter, Ordered {

    private static final String ATTRIBUTE = ClientAddress.class.getName();
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trusted;

    @org.springframework.beans.factory.annotation.Autowired
    public ClientAddress(GatewayProperties properties) {
        this(properties.clients().trustedProxies());
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ClientAddress::rule).toList();
    }

    /** The client's address of a request this filter has seen ({@code unknown} for a peer without an address). */
    public static String of(ServerWebExchange exchange) {
        String address = exchange.getAttribute(ATTRIBUTE);
        return address == null ? "unknown" : address;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ATTRIBUTE, resolve(exchange.getRequest().getRemoteAddress(),
                exchange.getRequest().getHeaders().getValuesAsList(FORWARDED_FOR)));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return EdgeOrder.CLIENT_ADDRESS;
    }

    String resolve(InetSocketAddress peer, List<String> forwardedFor) {
        if (peer == null || peer.getAddress() == null) {
            return "unknown";
        }
        InetAddress client = peer.getAddress();
        if (!isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress entry = literal(entries.get(i));
            if (entry == null) {
                break; // not what a proxy writes: the hop that passed it on is the last address known to be true
            }
            client = entry;
            if (!isTrusted(entry)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** The IP literal of an entry ({@code 1.2.3.4}, {@code 1.2.3.4:5}, {@code [::1]:5}, {@code ::1}); never a DNS lookup. */
    static InetAddress literal(String entry) {
        String value = entry.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end > 0 ? value.substring(1, end) : value;
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        return NetUtil.createInetAddressFromIpAddressString(value);
    }

    private static IpSubnetFilterRule rule(String cidr) {
        String[] parts = cidr.split("/");
        InetAddress network = NetUtil.createInetAddressFromIpAddressString(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("portal.gateway.clients.trusted-proxies: not an IP range: " + cidr);
        }
        return new IpSubnetFilterRule(network, Integer.parseInt(parts[1]), IpFilterRuleType.ACCEPT);
    }
}
