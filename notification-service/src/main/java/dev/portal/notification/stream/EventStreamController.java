package dev.portal.notification.stream;

import dev.portal.notification.feed.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

/** {@code GET /api/events}: the caller's notifications as Server-Sent Events. */
@RestController
@Tag(name = "events", description = "the caller's notifications, live")
class EventStreamController {

    private final EventStreams streams;

    EventStreamController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream the caller's notifications (text/event-stream)", description = """
            Each notification is one message: `id` (resume point), `event` (its type, e.g. `order.status-changed`) and \
            `data` (JSON). Reconnecting with `Last-Event-ID` sends the notifications missed since, from any instance; \
            when they are no longer known the stream starts with `event: reset` and the client should reload. \
            Comments every 15 s keep the connection open. 429 `too-many-streams` / `stream-capacity-reached` before \
            the stream starts.""")
    Flux<ServerSentEvent<String>> events(@AuthenticationPrincipal Jwt token,
                                         @Parameter(description = "the last id received, to resume after it")
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                         ServerWebExchange exchange) {
        Flux<ServerSentEvent<String>> frames = streams.open(UserId.of(token.getSubject()), lastEventId,
                token.getExpiresAt(), abort(exchange));
        exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
        // proxies that buffer responses (nginx) pass this one through as it is written
        exchange.getResponse().getHeaders().set("X-Accel-Buffering", "no");
        return frames;
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
