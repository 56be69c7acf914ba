package dev.portal.sandbox.fault;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.roots.SandboxRoots;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Applies injected faults to requests for the simulated systems, before any simulator sees them, the way a
 * failing vendor or the proxy in front of it would: an HTML error page, a request that never answers, a
 * connection closed half-way through the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FaultFilter extends OncePerRequestFilter {

    private final Faults faults;
    private final SandboxRoots roots;

    FaultFilter(Faults faults, SandboxRoots roots) {
        this.faults = faults;
        this.roots = roots;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return system(request).isEmpty();
    }

    /** The system by its prefix, or by the port it is served at the root of. */
    private Optional<String> system(HttpServletRequest request) {
        return roots.systemAt(request).or(() -> SandboxSystems.ofPath(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Faults.Decision> decision = system(request).flatMap(faults::next);
        if (decision.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Faults.Decision d = decision.get();
        sleep(d.latencyMs());
        if (d.failure() == null) {
            chain.doFilter(request, response);
            return;
        }
        switch (d.failure()) {
            case STATUS -> errorPage(response, d.status());
            case HANG -> {
                sleep(d.hangMs());
                errorPage(response, 504);
            }
            case DROP -> drop(response);
        }
    }

    private static void errorPage(HttpServletResponse response, int status) throws IOException {
        String reason = switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<html><head><title>" + status + " " + reason + "</title></head><body><center><h1>"
                + status + " " + reason + "</h1></center><hr><center>sandbox fault injection</center></body></html>");
    }

    /** Promises a body, sends a few bytes of it and closes the connection. */
    private static void drop(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        response.setContentLength(4096);
        ServletOutputStream out = response.getOutputStream();
        out.write("{\"result\":\"succ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // an incomplete fixed-length answer cannot be finished: the container aborts the connection
        throw new DroppedConnection();
    }

    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown after a partial answer so the container aborts the connection instead of completing it. */
    static final class DroppedConnection extends IOException {
        DroppedConnection() {
            super("connection dropped by fault injection", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
