package dev.portal.platform.web.servlet;

import dev.portal.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses bodies declared larger than {@code portal.web.max-request-size} with a 413 problem before any of
 * it is read. (Chunked bodies are bounded by the gateway, which every browser request passes.)
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Problems problems;
    private final JsonMapper json = JsonMapper.builder().build();

    RequestSizeLimitFilter(DataSize maxSize, Problems problems) {
        this.maxBytes = maxSize.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), Problems.asJson(problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload too large", "The request body may not exceed " + maxBytes + " bytes.")));
            return;
        }
        chain.doFilter(request, response);
    }
}
