package dev.portal.identity.limits;

import dev.portal.identity.config.RateLimitProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The client's IP for rate limits: the remote address, unless that is a trusted proxy (the gateway, by default any
 * loopback or private address); then the rightmost {@code X-Forwarded-For} entry that is not a trusted proxy, since
 * every entry to its right was appended by a proxy we trust and everything to its left may be forged by the client.
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
        List<String> entries = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            String address = literal(entries.get(i));
            if (address == null || !isTrusted(address)) {
                // not an address a proxy would write: the entry itself is the client's, as the last trusted proxy saw it
                return address == null ? entries.get(i) : address;
            }
        }
        return entries.isEmpty() ? remote : literal(entries.getFirst());
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
