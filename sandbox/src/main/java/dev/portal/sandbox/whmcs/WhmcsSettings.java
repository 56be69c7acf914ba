package dev.portal.sandbox.whmcs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The simulated WHMCS installation. Details the fact sheet marks as recalled or unknown are settings here.
 *
 * @param identifier         API credential identifier ({@code SANDBOX_WHMCS_IDENTIFIER}); also accepted as {@code username}
 * @param secret             API credential secret ({@code SANDBOX_WHMCS_SECRET}); also accepted as {@code password}
 * @param accessKey          the {@code $api_access_key} of configuration.php ({@code SANDBOX_WHMCS_ACCESS_KEY})
 * @param requireAccessKey   refuse requests without the access key as an IP allow-list would ("Invalid IP ...");
 *                           off by default because the sandbox's caller is always loopback
 * @param authFailureStatus  HTTP status of "Authentication Failed" answers (fact sheet: 403 is [R])
 * @param ssoTokenLifetime   how long a CreateSsoToken token may be redeemed (WHMCS: at most 60 s)
 * @param paymentMethods     payment gateway system names AddOrder accepts
 * @param zone               the installation's time zone: "today" for due dates and the virtual Overdue status
 * @param currencyCode       the one currency of the installation
 * @param currencyPrefix     its display prefix
 * @param currencySuffix     its display suffix
 */
@Validated
@ConfigurationProperties("sandbox.whmcs")
record WhmcsSettings(@NotBlank String identifier, @NotBlank String secret, @NotBlank String accessKey, Boolean requireAccessKey,
                     @Min(200) @Max(599) Integer authFailureStatus, @DurationMin(seconds = 1) Duration ssoTokenLifetime,
                     @NotEmpty List<@NotBlank String> paymentMethods, ZoneId zone,
                     @Pattern(regexp = "[A-Z]{3}") String currencyCode, String currencyPrefix, String currencySuffix) {

    WhmcsSettings {
        identifier = identifier != null ? identifier : "sandbox-identifier";
        secret = secret != null ? secret : "sandbox-secret";
        accessKey = accessKey != null ? accessKey : "sandbox-access-key";
        requireAccessKey = requireAccessKey != null && requireAccessKey;
        authFailureStatus = authFailureStatus != null ? authFailureStatus : 403;
        ssoTokenLifetime = ssoTokenLifetime != null ? ssoTokenLifetime : Duration.ofSeconds(60);
        paymentMethods = paymentMethods != null ? List.copyOf(paymentMethods) : List.of("stripe", "banktransfer", "mailin", "paypal");
        zone = zone != null ? zone : ZoneId.of("Asia/Tokyo");
        currencyCode = currencyCode != null ? currencyCode : "JPY";
        currencyPrefix = currencyPrefix != null ? currencyPrefix : "¥";
        currencySuffix = currencySuffix != null ? currencySuffix : " JPY";
    }
}
