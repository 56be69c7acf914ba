package dev.portal.platform.security;

import dev.portal.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 in the suite's problem+json shape, with {@code WWW-Authenticate: Bearer} on the 401. */
final class ProblemSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated(Problems problems) {
        return (request, response, exception) -> {
            // the reason (expired, bad signature, ...) stays in the debug log: it would help an attacker more than a client
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, problems.create(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "A valid access token is required."));
        };
    }

    static AccessDeniedHandler forbidden(Problems problems) {
        return (request, response, exception) -> write(response, problems.create(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "The access token does not allow this request."));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(Problems.asJson(problem)));
    }
}
