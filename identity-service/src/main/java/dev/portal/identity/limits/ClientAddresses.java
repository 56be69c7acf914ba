package dev.portal.identity.limits;

import dev.portal.identity.config.RateLimitProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The client's IP for rate limits. Only the gateway tells identity who the client is: when the TCP peer lies in
 * {@code portal.identity.limits.trusted-proxies} (the gateway's address range; loopback by default, where the local
 * suite's gateway runs), the client is the rightmost {@code X-Forwarded-For} entry, the one the gateway wrote after
 * deciding the address itself. From any other peer the header is not read: the peer is the client. A gateway entry
 * that is not an IP literal is refused ({@link ClientAddressInvalid}): a limit keyed by free text can be escaped.
 */
@Component
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(RateLimitProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String remote = literal(request.getRemoteAddr()) != null ? literal(request.getRemoteAddr()) : request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return remote;
        }
        String gatewayEntry = null;
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    gatewayEntry = entry.trim();
                }
            }
        }
        if (gatewayEntry == null) {
            return remote;
        }
        String address = literal(gatewayEntry);
        if (address == null) {
            throw new ClientAddressInvalid();
        }
        return address;
    }

    private boolean isTrusted(String address) {
        String literal = literal(address);
        return literal != null && trusted.stream().anyMatch(matcher -> matcher.matches(literal));
    }
    /** The IP literal in an entry ({@code 1.2.3.4}, {@code 1.2.3.4:5}, {@code [::1]:5}, {@code ::1}); null when none. */
    static String literal(String entry) {
        String value = entry.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end > 0 ? value.substring(1, end) : value;
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return null; // never let a host name reach InetAddress: that would be a DNS lookup
        }
        try {
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
