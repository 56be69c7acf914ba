package dev.portal.sandbox.roots;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a request that arrived on a system's own port under that system's prefix: {@code GET /services/data/...}
 * on Salesforce's port is {@code GET /salesforce/services/data/...}. A forward, not a rewrite, so that the servlet
 * is chosen for the prefixed path (the CometD servlet as much as the controllers). The last filter of the chain: the
 * others (fault injection included) see the request as it came.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class SandboxRootForwarding extends OncePerRequestFilter {

    private final SandboxRoots roots;

    SandboxRootForwarding(SandboxRoots roots) {
        this.roots = roots;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> system = roots.systemAt(request);
        if (system.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getRequestDispatcher("/" + system.get() + path).forward(request, response);
    }
}
