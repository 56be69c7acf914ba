package dev.portal.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids: the caller's (usually the gateway's) {@code X-Request-Id} is kept when well formed, a new
 * one is made otherwise; it goes back in the response, into the log context and into every problem document.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String offered) {
        return offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
