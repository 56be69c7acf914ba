package dev.portal.identity.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param trustedProxies CIDR ranges whose {@code X-Forwarded-For} is believed (the gateway's)
 */
@ConfigurationProperties("portal.identity.limits")
public record RateLimitProperties(
        @DefaultValue("5/15m") String passwordResetPerIp,
        @DefaultValue("5/15m") String loginFailuresPerEmailAndIp,
        @DefaultValue("20/5m") String loginFailuresPerAccount,
        @DefaultValue("10/1h") String signupPerIp,
        @DefaultValue("10/1h") String linkPerIp,
        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> trustedProxies) {
}
