package dev.portal.notification.stream;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * {@code GET /api/events}: the caller's notifications as Server-Sent Events. A functional endpoint: an annotated
 * controller keeps its binding context and argument resolution for as long as the request lasts, a few KiB for
 * every open stream.
 */
final class EventStreamHandler {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final BearerTokens tokens;
    private final EventStreams streams;

    EventStreamHandler(BearerTokens tokens, EventStreams streams) {
        this.tokens = tokens;
        this.streams = streams;
    }

    /** 401 without a valid token and 429 over a cap, as problems, before the stream starts. */
    Mono<ServerResponse> stream(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        String lastEventId = request.headers().firstHeader(LAST_EVENT_ID);
        return tokens.verify(exchange).flatMap(caller -> ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                // proxies that buffer responses (nginx) pass this one through as it is written
                .header("X-Accel-Buffering", "no")
                .body(streams.open(caller.user(), lastEventId, caller.tokenExpiresAt(), abort(exchange)), ServerSentEvent.class));
    }

    /** Closes the client's TCP connection at once, whatever is still queued for it. */
    private static Runnable abort(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (request instanceof Connection connection) {
            return () -> connection.channel().close();
        }
        return () -> {
        };
    }
}
