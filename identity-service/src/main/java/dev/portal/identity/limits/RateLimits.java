package dev.portal.identity.limits;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exact sliding-window limits across replicas, kept in PostgreSQL: the key's row is locked (upsert) while its hits in
 * the window are counted and the new one is inserted, so concurrent requests on any replica are serialised per key.
 * Time is the database's ({@code now()}), so replicas with drifting clocks still agree.
 */
@Component
public class RateLimits {

    /** A limit: at most {@code limit} hits in any {@code window}. */
    public record Rule(String name, int limit, Duration window) {

        static Rule parse(String name, String spec) {
            String[] parts = spec.split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("rate limit " + name + " must look like 5/15m, not " + spec);
            }
            return new Rule(name, Integer.parseInt(parts[0].trim()), DurationStyle.detectAndParse(parts[1].trim()));
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    public final Rule passwordResetPerIp;
    public final Rule loginFailuresPerEmailAndIp;
    public final Rule loginFailuresPerAccount;
    public final Rule signupPerIp;
    public final Rule linkPerIp;

    public RateLimits(JdbcClient jdbc, TransactionTemplate transactions, RateLimitProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwordResetPerIp = Rule.parse("password-reset-ip", properties.passwordResetPerIp());
        this.loginFailuresPerEmailAndIp = Rule.parse("login-failures-email-ip", properties.loginFailuresPerEmailAndIp());
        this.loginFailuresPerAccount = Rule.parse("login-failures-account", properties.loginFailuresPerAccount());
        this.signupPerIp = Rule.parse("signup-ip", properties.signupPerIp());
        this.linkPerIp = Rule.parse("link-ip", properties.linkPerIp());
    }

    /** Counts one hit, or throws {@code 429 rate-limited} (nothing counted) when the window is full. */
    public void acquire(Rule rule, String subject) {
        Optional<Duration> wait = transactions.execute(status -> {
            String key = lock(rule, subject);
            Optional<Duration> retry = retryAfter(rule, key);
            if (retry.isEmpty()) {
                jdbc.sql("insert into rate_limit_hits (key, at) values (?, now())").param(key).update();
            }
            return retry;
        });
        wait.ifPresent(duration -> {
            throw limited(duration);
        });
    }

    /** Throws {@code 429 rate-limited} when the window is full; counts nothing (see {@link #record}). */
    public void check(Rule rule, String subject) {
        String key = key(rule, subject);
        retryAfter(rule, key).ifPresent(duration -> {
            throw limited(duration);
        });
    }

    /** Counts one hit without checking, e.g. a failed login after {@link #check} let it through. */
    public void record(Rule rule, String subject) {
        transactions.executeWithoutResult(status -> {
            String key = lock(rule, subject);
            jdbc.sql("insert into rate_limit_hits (key, at) values (?, now())").param(key).update();
        });
    }

    /** Forgets the hits of a key, e.g. the failures of an email from an IP once the right password came from it. */
    public void clear(Rule rule, String subject) {
        jdbc.sql("delete from rate_limit_hits where key = ?").param(key(rule, subject)).update();
    }

    private String lock(Rule rule, String subject) {
        String key = key(rule, subject);
        // the upsert takes the row lock whether the row is new or not: the count below is serialised per key
        jdbc.sql("insert into rate_limit_keys (key, last_at) values (?, now()) on conflict (key) do update set last_at = excluded.last_at")
                .param(key).update();
        return key;
    }

    /** Empty while below the limit; otherwise how long until the oldest hit that must go has left the window. */
    private Optional<Duration> retryAfter(Rule rule, String key) {
        List<Map<String, Object>> rows = jdbc.sql("select at, now() as db_now from rate_limit_hits"
                        + " where key = ? and at > now() - cast(? as interval) order by at")
                .params(key, rule.window().toMillis() + " milliseconds").query().listOfRows();
        if (rows.size() < rule.limit()) {
            return Optional.empty();
        }
        Instant now = ((Timestamp) rows.getFirst().get("db_now")).toInstant();
        Instant freed = ((Timestamp) rows.get(rows.size() - rule.limit()).get("at")).toInstant().plus(rule.window());
        Duration wait = Duration.between(now, freed);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static String key(Rule rule, String subject) {
        return rule.name() + ":" + subject;
    }

    private static RateLimited limited(Duration wait) {
        return new RateLimited(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** A window is full; {@code retryAfterSeconds} until one more attempt is allowed (at least 1). */
    public static final class RateLimited extends RuntimeException {

        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("rate limited for " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Removes hits older than a day (longer than any window) and keys idle as long. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        jdbc.sql("delete from rate_limit_hits where at < now() - interval '1 day'").update();
        jdbc.sql("delete from rate_limit_keys where last_at < now() - interval '1 day'").update();
    }
}
