package dev.portal.gateway.edge;

import dev.portal.platform.web.PortalWebProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bodies larger than {@code portal.web.max-request-size} (the services' own limit) are refused at the edge with
 * 413 {@code payload-too-large}: at once when {@code Content-Length} says so, or as soon as a chunked body passes
 * the limit, before the service sees the rest.
 */
@Component
class BodySizeLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final EdgeProblems problems;

    BodySizeLimit(PortalWebProperties properties, EdgeProblems problems) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return EdgeOrder.BODY_SIZE;
    }
}
