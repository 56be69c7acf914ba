package dev.portal.notification.stream;

import dev.portal.notification.config.NotificationProperties;
import dev.portal.notification.feed.RecentNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The SSE streams of this instance and their endpoint. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    EventStreams eventStreams(RecentNotifications feed, NotificationProperties properties, Clock clock,
                              RandomGenerator random, MeterRegistry meters) {
        return new EventStreams(feed, properties, clock, random, meters);
    }

    @Bean
    EventStreamHandler eventStreamHandler(ReactiveJwtDecoder decoder, EventStreams streams) {
        return new EventStreamHandler(new BearerTokens(decoder), streams);
    }

    @Bean
    @RouterOperation(path = "/api/events", method = RequestMethod.GET, beanClass = EventStreamHandler.class, beanMethod = "stream",
            operation = @Operation(operationId = "streamEvents", tags = "events",
                    summary = "Stream the caller's notifications (text/event-stream)",
                    description = """
                            Each notification is one message: `id` (resume point), `event` (its type, e.g. \
                            `order.status-changed`) and `data` (JSON). Reconnecting with `Last-Event-ID` sends the \
                            notifications missed since, from any instance; when they are no longer known the stream \
                            starts with `event: reset` and the client should reload. Comments every 15 s keep the \
                            connection open; an id without data moves the resume point.""",
                    security = @SecurityRequirement(name = "bearer"),
                    parameters = @Parameter(in = ParameterIn.HEADER, name = EventStreamHandler.LAST_EVENT_ID,
                            description = "the last id received, to resume after it"),
                    responses = {
                            @ApiResponse(responseCode = "200", description = "the stream",
                                    content = @Content(mediaType = "text/event-stream")),
                            @ApiResponse(responseCode = "401", description = "`unauthenticated`: no valid access token",
                                    content = @Content(mediaType = "application/problem+json")),
                            @ApiResponse(responseCode = "429", description = "`too-many-streams` (this user) or "
                                    + "`stream-capacity-reached` (this instance)",
                                    content = @Content(mediaType = "application/problem+json"))}))
    RouterFunction<ServerResponse> eventStreamRoute(EventStreamHandler handler) {
        return RouterFunctions.route(RequestPredicates.GET("/api/events"), handler::stream);
    }
}
