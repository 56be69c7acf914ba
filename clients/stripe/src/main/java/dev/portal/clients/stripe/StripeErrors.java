package dev.portal.clients.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** stripe-java's exceptions as the suite's typed external-system failures. */
final class StripeErrors {

    private StripeErrors() {
    }

    static ExternalSystemException map(String operation, StripeException e) {
        String system = StripeBilling.SYSTEM;
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        StripeError error = e.getStripeError();
        String message = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
        if (e instanceof AuthenticationException) {
            return new ExternalAuthenticationException(system, operation, status == 0 ? 401 : status, message);
        }
        if (e instanceof ApiConnectionException) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                    return new ExternalTimeoutException(system, operation, "no answer in time: " + cause.getMessage(), e);
                }
            }
            return new ExternalUnavailableException(system, operation, 0, "connection failed: " + e.getMessage(), e);
        }
        if (e instanceof RateLimitException || status == 429 || status >= 500) {
            return new ExternalUnavailableException(system, operation, status, "HTTP " + status + ": " + message, e);
        }
        if (error == null || error.getType() == null) {
            return new ExternalResponseException(system, operation, status, "not a Stripe answer: " + e.getMessage(), e);
        }
        return new StripeApiException(operation, status, error.getType(), error.getCode(), error.getParam(), message,
                e.getRequestId());
    }
}
