package dev.portal.order;

import dev.portal.sandbox.EmbeddedSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Acts on one particular Salesforce request of the service: the next one whose path ends with the armed suffix (e.g.
 * the checkout's {@code /composite}, after the price book queries went through). Either a sandbox fault is set just
 * before it leaves (a delay, an error page, a dropped connection), or something happens between Salesforce's answer
 * and the service reading it (a change event overtaking the checkout).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SalesforceFaults {

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    private record Armed(String pathSuffix, String faultJson, Consumer<byte[]> afterAnswer) {
    }

    /** The next Salesforce request to a path ending with {@code pathSuffix} meets {@code faultJson} (the admin API's shape). */
    public void onNext(String pathSuffix, String faultJson) {
        armed.set(new Armed(pathSuffix, faultJson, null));
    }

    /** When the next such request is answered, {@code action} gets the answer's body before the service does. */
    public void afterNextAnswer(String pathSuffix, Consumer<byte[]> action) {
        armed.set(new Armed(pathSuffix, null, action));
    }

    public void clear() {
        armed.set(null);
    }

    @Bean
    RestClientCustomizer salesforceFaultInjection() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            Armed now = armed.get();
            boolean hit = now != null && request.getURI().getPath().contains("/salesforce/")
                    && request.getURI().getPath().endsWith(now.pathSuffix()) && armed.compareAndSet(now, null);
            if (hit && now.faultJson() != null) {
                EmbeddedSandbox.get().fault("salesforce", now.faultJson());
            }
            ClientHttpResponse response = execution.execute(request, body);
            if (hit && now.afterAnswer() != null) {
                byte[] answer = response.getBody().readAllBytes();
                now.afterAnswer().accept(answer);
                return new Buffered(response, answer);
            }
            return response;
        });
    }

    /** An answer whose body was read already. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
