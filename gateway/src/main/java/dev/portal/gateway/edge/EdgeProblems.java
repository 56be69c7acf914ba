package dev.portal.gateway.edge;

import dev.portal.platform.web.Problems;
import dev.portal.platform.web.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the suite's problem+json from the gateway's own filters, which answer before any handler runs. */
@Component
public class EdgeProblems {

    private final Problems problems;
    private final JsonMapper json = JsonMapper.builder().build();

    public EdgeProblems(Problems problems) {
        this.problems = problems;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = problems.create(status, code, title, detail);
        problems.withCorrelation(problem, exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(Problems.asJson(problem)));
        return response.writeWith(Mono.just(body));
    }
}
