package dev.portal.clients.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * HTTP to one external system: a {@link RestClient} with connect and read timeouts (built from Boot's builder,
 * so requests are observed as {@code http.client.requests}), every exchange run through {@link ExternalCalls},
 * transport failures, 5xx and 429 turned into typed exceptions, and the whole answer read into memory so a
 * client can decode it, or report what it got if it cannot.
 */
public final class ExternalHttp {

    private final String system;
    private final RestClient rest;
    private final ExternalCalls calls;

    public ExternalHttp(String system, URI baseUrl, HttpSettings settings, RestClient.Builder builder, ExternalCalls calls) {
        this.system = system;
        this.calls = calls;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        this.rest = builder.clone().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /** A whole answer: status, headers and body bytes. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public MediaType contentType() {
            return headers.getContentType();
        }

        public String text() {
            Charset charset = contentType() != null && contentType().getCharset() != null
                    ? contentType().getCharset() : StandardCharsets.UTF_8;
            return new String(body, charset);
        }

        /** The first characters of the body, for error messages. */
        public String excerpt() {
            return Excerpts.of(text());
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends the request {@code request} builds on this system's client and returns the whole answer when its
     * status is below 500 and not 429; anything else is an {@link ExternalSystemException}.
     */
    public Response send(String operation, ExternalCalls.Repeat repeat,
                         Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        return calls.call(operation, repeat, () -> exchange(operation, request));
    }

    private Response exchange(String operation, Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        Response response;
        try {
            response = request.apply(rest).exchange((req, res) ->
                    new Response(res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
        } catch (ResourceAccessException | UncheckedIOException e) {
            throw transportFailure(operation, e);
        } catch (RestClientException e) {
            throw new ExternalUnavailableException(system, operation, 0, "request failed: " + e.getMessage(), e);
        }
        if (response == null) {
            throw new ExternalResponseException(system, operation, 0, "no answer", null);
        }
        if (response.status() >= 500 || response.status() == 429) {
            throw new ExternalUnavailableException(system, operation, response.status(),
                    "HTTP " + response.status() + ": " + response.excerpt(), null);
        }
        return response;
    }

    private ExternalSystemException transportFailure(String operation, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return new ExternalTimeoutException(system, operation, "no answer in time: " + cause.getMessage(), e);
            }
            if (cause instanceof ConnectException) {
                return new ExternalUnavailableException(system, operation, 0, "cannot connect: " + cause.getMessage(), e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof IOException ? "connection failed" : "transport failed";
        return new ExternalUnavailableException(system, operation, 0, what + ": " + root, e);
    }

    /** The system this client talks to. */
    public String system() {
        return system;
    }

    /** The guard every call goes through (breaker state for health and tests). */
    public ExternalCalls calls() {
        return calls;
    }
}
