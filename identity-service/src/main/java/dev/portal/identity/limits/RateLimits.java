package dev.portal.identity.limits;

import dev.portal.identity.config.RateLimitProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exact sliding-window limits across replicas, kept in PostgreSQL: the key's row is locked while its hits in the
 * window are counted and the new one is inserted, so concurrent requests on any replica are serialised per key.
 */
@Component
public class RateLimits {

    /** A limit: at most {@code limit} hits in any {@code window}. */
    public record Rule(String name, int limit, Duration window) {

        static Rule parse(String name, String spec) {
            String[] parts = spec.split("/");
            return new Rule(name, Integer.parseInt(parts[0].trim()), DurationStyle.detectAndParse(parts[1].trim()));
        }
    }

    private final RateLimitWindows windows;
    private final TransactionTemplate transactions;
    public final Rule passwordResetPerIp;
    public final Rule loginFailuresPerEmailAndIp;
    public final Rule loginFailuresPerAccount;
    public final Rule signupPerIp;
    public final Rule linkPerIp;
    public final Rule loginFailuresPerIp;
    public final Rule passwordResetConfirmPerIp;
    public final Rule signupCodePerIp;
    public final Rule signupCodePerCustomer;
    public final Rule signupConfirmPerIp;
    public final Rule passwordCheckPerUser;

    RateLimits(RateLimitWindows windows, TransactionTemplate transactions, RateLimitProperties properties) {
        this.windows = windows;
        this.transactions = transactions;
        this.passwordResetPerIp = Rule.parse("password-reset-ip", properties.passwordResetPerIp());
        this.loginFailuresPerEmailAndIp = Rule.parse("login-failures-email-ip", properties.loginFailuresPerEmailAndIp());
        this.loginFailuresPerAccount = Rule.parse("login-failures-account", properties.loginFailuresPerAccount());
        this.signupPerIp = Rule.parse("signup-ip", properties.signupPerIp());
        this.linkPerIp = Rule.parse("link-ip", properties.linkPerIp());
        this.loginFailuresPerIp = Rule.parse("login-failures-ip", properties.loginFailuresPerIp());
        this.passwordResetConfirmPerIp = Rule.parse("password-reset-confirm-ip", properties.passwordResetConfirmPerIp());
        this.signupCodePerIp = Rule.parse("signup-code-ip", properties.signupCodePerIp());
        this.signupCodePerCustomer = Rule.parse("signup-code-customer", properties.signupCodePerCustomer());
        this.signupConfirmPerIp = Rule.parse("signup-confirm-ip", properties.signupConfirmPerIp());
        this.passwordCheckPerUser = Rule.parse("password-check-user", properties.passwordCheckPerUser());
    }

    /** Counts one hit, or throws {@link RateLimited} (nothing counted) when the window is full. */
    public void acquire(Rule rule, String subject) {
        String key = key(rule, subject);
        Optional<Duration> wait = transactions.execute(status -> {
            windows.lock(key);
            Optional<Duration> retry = windows.waitFor(key, rule.limit(), rule.window());
            if (retry.isEmpty()) {
                windows.hit(key);
            }
            return retry;
        });
        if (wait != null && wait.isPresent()) {
            throw new RateLimited(wait.get());
        }
    }

    /** Throws {@link RateLimited} when the window is full; counts nothing (see {@link #record}). */
    public void check(Rule rule, String subject) {
        windows.waitFor(key(rule, subject), rule.limit(), rule.window()).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
    }

    /** Counts one hit without checking, e.g. a failed login after {@link #check} let it through. */
    public void record(Rule rule, String subject) {
        String key = key(rule, subject);
        transactions.executeWithoutResult(status -> {
            windows.lock(key);
            windows.hit(key);
        });
    }

    /** Forgets the hits of a key, e.g. the failures of an email from an IP once the right password came from it. */
    public void clear(Rule rule, String subject) {
        windows.forget(key(rule, subject));
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        windows.purge();
    }

    private static String key(Rule rule, String subject) {
        return rule.name() + ":" + subject;
    }
}
