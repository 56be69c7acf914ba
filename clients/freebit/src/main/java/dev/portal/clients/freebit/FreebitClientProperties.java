package dev.portal.clients.freebit;

import dev.portal.clients.support.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.util.List;

/**
 * Settings of the Freebit client ({@code portal.clients.freebit.*}; environment {@code PORTAL_FREEBIT_URL},
 * {@code PORTAL_FREEBIT_OEM_ID}, {@code PORTAL_FREEBIT_OEM_KEY}). Bound when {@code base-url} is set; then a missing
 * credential stops the start, naming the setting.
 *
 * @param baseUrl         the emptool API root, e.g. {@code https://i1.mvno.net/emptool/api} or the sandbox's
 *                        {@code http://localhost:8099/freebit/emptool/api}
 * @param oemId           OEM id for {@code authOem}
 * @param oemKey          OEM key for {@code authOem}
 * @param encoding        how the {@code json} form field is sent: {@code urlencoded} (default) or {@code multipart}
 * @param usageUnit       unit Freebit reports quota and usage in, {@code KB} (default) or {@code MB} [guess: not public]
 * @param authResultCodes resultCodes that mean "authKey not accepted": the key is renewed once and the call repeated
 *                        [guess: default the sandbox's {@code 201}]
 * @param http            timeouts, retries of reads, circuit breaker
 */
@Validated
@ConfigurationProperties("portal.clients.freebit")
public record FreebitClientProperties(@NotNull URI baseUrl, @NotBlank String oemId, @NotBlank String oemKey, Encoding encoding,
                                      UsageUnit usageUnit, @NotEmpty List<@NotBlank String> authResultCodes, @Valid HttpSettings http) {

    /** How the request JSON travels. */
    public enum Encoding { URLENCODED, MULTIPART }

    /** Unit of reported quota and usage figures. */
    public enum UsageUnit {
        KB(1), MB(1024);

        private final long kilobytes;

        UsageUnit(long kilobytes) {
            this.kilobytes = kilobytes;
        }

        long toKb(long value) {
            return value * kilobytes;
        }
    }

    public FreebitClientProperties {
        encoding = encoding != null ? encoding : Encoding.URLENCODED;
        usageUnit = usageUnit != null ? usageUnit : UsageUnit.KB;
        authResultCodes = authResultCodes != null ? List.copyOf(authResultCodes) : List.of("201");
        http = http != null ? http : HttpSettings.DEFAULTS;
    }

    /** Settings for {@code baseUrl} and OEM credentials, everything else default. */
    public static FreebitClientProperties of(URI baseUrl, String oemId, String oemKey) {
        return new FreebitClientProperties(baseUrl, oemId, oemKey, null, null, null, null);
    }

    public FreebitClientProperties withEncoding(Encoding value) {
        return new FreebitClientProperties(baseUrl, oemId, oemKey, value, usageUnit, authResultCodes, http);
    }

    public FreebitClientProperties withHttp(HttpSettings value) {
        return new FreebitClientProperties(baseUrl, oemId, oemKey, encoding, usageUnit, authResultCodes, value);
    }

    @Override
    public String toString() {
        return "FreebitClientProperties[baseUrl=" + baseUrl + ", oemId=" + oemId + ", oemKey=(hidden), encoding=" + encoding
                + ", usageUnit=" + usageUnit + ", authResultCodes=" + authResultCodes + ", http=" + http + "]";
    }
}
