package dev.portal.order;

import dev.portal.sandbox.EmbeddedSandbox;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Injects a sandbox fault into one particular Salesforce request: the next one whose path ends with the armed suffix
 * (e.g. the checkout's {@code /composite}, after the price book queries went through). The fault is the sandbox's own
 * (a delay, an error page, a dropped connection), set on the sandbox just before that request leaves.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SalesforceFaults {

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    private record Armed(String pathSuffix, String faultJson) {
    }

    /** The next Salesforce request to a path ending with {@code pathSuffix} meets {@code faultJson} (the admin API's shape). */
    public void onNext(String pathSuffix, String faultJson) {
        armed.set(new Armed(pathSuffix, faultJson));
    }

    public void clear() {
        armed.set(null);
    }

    @Bean
    RestClientCustomizer salesforceFaultInjection() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            Armed now = armed.get();
            if (now != null && request.getURI().getPath().contains("/salesforce/") && request.getURI().getPath().endsWith(now.pathSuffix())
                    && armed.compareAndSet(now, null)) {
                EmbeddedSandbox.get().fault("salesforce", now.faultJson());
            }
            return execution.execute(request, body);
        });
    }
}
