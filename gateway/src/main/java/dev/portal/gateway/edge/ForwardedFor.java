package dev.portal.gateway.edge;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Appends the address the gateway sees to {@code X-Forwarded-For} on the way to the service (after Spring Cloud
 * Gateway's own forwarded-header handling, which drops these headers unless trusted proxies are configured). The
 * services trust only the rightmost entry: the one written here.
 */
@Component
class ForwardedFor implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return input;
        }
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String client = remote.getAddress().getHostAddress();
        updated.set(HEADER, incoming == null || incoming.isBlank() ? client : incoming + ", " + client);
        return updated;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
