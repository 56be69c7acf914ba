package dev.portal.identity.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.identity.limits.*}: each rule is {@code <count>/<window>}, e.g. {@code 5/15m} = at most 5 in any
 * 15 minutes (sliding window).
 *
 * @param passwordResetPerIp reset requests per client IP (the business rule: 5 per 15 minutes)
 * @param loginFailuresPerEmailAndIp failed logins for one email from one IP: the strict limit on guessing
 * @param loginFailuresPerAccount failed logins for one email from anywhere: looser, and its lock ends on its own
 *                                within the window, so an attacker cannot lock the real user out for long
 * @param signupPerIp signup attempts per client IP
 * @param linkPerIp link attempts per client IP (each tries a WHMCS password)
 * @param trustedProxies CIDR ranges of the gateway, whose {@code X-Forwarded-For} entry names the client; loopback by
 *                       default (the local suite's gateway), the gateway's pod range in a cluster; no other range
 * @param loginFailuresPerIp failed logins from one IP whatever the email: random emails each cost an Argon2
 *                           verification, so one address cannot buy them without bound
 * @param passwordResetConfirmPerIp reset confirmations per client IP (each may cost a hash)
 * @param signupCodePerIp ownership-code requests per client IP
 * @param signupCodePerCustomer ownership-code requests per customer number (each mails the customer)
 * @param signupConfirmPerIp signup email confirmations per client IP
 * @param passwordCheckPerUser changes of password or email per user (each verifies the current password)
 */
@Validated
@ConfigurationProperties("portal.identity.limits")
public record RateLimitProperties(
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("5/15m") String passwordResetPerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("5/15m") String loginFailuresPerEmailAndIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("20/5m") String loginFailuresPerAccount,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("10/1h") String signupPerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("10/1h") String linkPerIp,
        @NotNull @DefaultValue({"127.0.0.1/32", "::1/128"})
        List<@NotBlank @Pattern(regexp = "[0-9A-Fa-f:.]+/[0-9]{1,3}", message = "must be a CIDR range such as 10.0.0.0/8") String>
                trustedProxies,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("30/5m") String loginFailuresPerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("10/15m") String passwordResetConfirmPerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("10/1h") String signupCodePerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("5/1h") String signupCodePerCustomer,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("10/1h") String signupConfirmPerIp,
        @NotNull @Pattern(regexp = RULE, message = RULE_MESSAGE) @DefaultValue("5/15m") String passwordCheckPerUser) {

    /** A count and a window: {@code 5/15m}, {@code 10/1h}, {@code 20/300s}. */
    static final String RULE = "[1-9][0-9]{0,5}/[1-9][0-9]*(ms|s|m|h|d)";
    static final String RULE_MESSAGE = "must be <count>/<window> such as 5/15m";
}
