package dev.portal.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * On the way to a service, {@code X-Forwarded-For} is exactly one entry: the client's address as {@link ClientAddress}
 * decided it. Whatever the client sent there (and in {@code Forwarded} or {@code X-Real-IP}, which no service reads)
 * is dropped, so a service that trusts the gateway's entry is never told an address the client chose.
 */
@Component
class ForwardedFor implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.remove("Forwarded");
        updated.remove("X-Real-IP");
        updated.set(ClientAddress.FORWARDED_FOR, ClientAddress.of(exchange));
        return updated;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's own forwarded-header filters, so this entry is the one that goes out
        return Ordered.LOWEST_PRECEDENCE;
    }
}
