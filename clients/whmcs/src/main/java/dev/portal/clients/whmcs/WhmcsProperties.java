package dev.portal.clients.whmcs;

import dev.portal.clients.support.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * Where WHMCS is and how to authenticate ({@code portal.clients.whmcs.*}). Bound when {@code base-url} is set; then
 * a missing credential stops the start, naming the setting.
 *
 * @param baseUrl    the installation's root, e.g. {@code https://billing.example.jp} or {@code http://localhost:8099/whmcs};
 *                   the API is {@code {baseUrl}/includes/api.php}
 * @param identifier API credential identifier (sent as {@code identifier})
 * @param secret     API credential secret (sent as {@code secret})
 * @param accessKey  optional {@code $api_access_key}, sent as {@code accesskey} to pass the IP allow-list
 * @param http       timeouts, retries and circuit breaker
 */
@Validated
@ConfigurationProperties("portal.clients.whmcs")
public record WhmcsProperties(@NotNull URI baseUrl, @NotBlank String identifier, @NotBlank String secret, String accessKey,
                              @Valid HttpSettings http) {

    public WhmcsProperties {
        http = http != null ? http : HttpSettings.DEFAULTS;
        accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
    }

    @Override
    public String toString() {
        return "WhmcsProperties[baseUrl=" + baseUrl + ", identifier=" + identifier + ", secret=(hidden), accessKey="
                + (accessKey == null ? "(none)" : "(hidden)") + ", http=" + http + "]";
    }
}
