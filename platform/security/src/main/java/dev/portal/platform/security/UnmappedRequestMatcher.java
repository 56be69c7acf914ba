package dev.portal.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests no controller or actuator endpoint serves, so that they get the same 404 problem with or without
 * a token (a 401 there would claim the path exists). Which paths exist is public in the API description anyway.
 * A path that exists with another method does not match: that one stays authenticated.
 */
final class UnmappedRequestMatcher implements RequestMatcher {

    private final ApplicationContext context;
    private volatile List<RequestMappingInfoHandlerMapping> mappings;

    UnmappedRequestMatcher(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        if (previous == null) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (RequestMappingInfoHandlerMapping mapping : mappings()) {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null) {
                    return false;
                }
            }
            return true;
        } catch (Exception mappedWithAnotherMethodOrMediaType) {
            return false;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private List<RequestMappingInfoHandlerMapping> mappings() {
        List<RequestMappingInfoHandlerMapping> found = mappings;
        if (found == null) {
            found = List.copyOf(context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values());
            mappings = found;
        }
        return found;
    }
}
