package dev.portal.identity.limits;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code rate_limit_keys} and {@code rate_limit_hits} tables. Time is the database's ({@code now()}), so
 * replicas with drifting clocks still agree on a window.
 */
@Repository
class RateLimitWindows {

    private final JdbcClient jdbc;

    RateLimitWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the key's row lock (upsert) for the caller's transaction: counting under it is serialised per key. */
    void lock(String key) {
        jdbc.sql("insert into rate_limit_keys (key, last_at) values (?, now()) on conflict (key) do update set last_at = excluded.last_at")
                .param(key).update();
    }

    void hit(String key) {
        jdbc.sql("insert into rate_limit_hits (key, at) values (?, now())").param(key).update();
    }

    void forget(String key) {
        jdbc.sql("delete from rate_limit_hits where key = ?").param(key).update();
    }

    /** Empty while fewer than {@code limit} hits are in the window; otherwise how long until one more is allowed. */
    Optional<Duration> waitFor(String key, int limit, Duration window) {
        List<Map<String, Object>> rows = jdbc.sql("select at, now() as db_now from rate_limit_hits"
                        + " where key = ? and at > now() - cast(? as interval) order by at")
                .params(key, window.toMillis() + " milliseconds").query().listOfRows();
        if (rows.size() < limit) {
            return Optional.empty();
        }
        Instant now = ((Timestamp) rows.getFirst().get("db_now")).toInstant();
        Instant freed = ((Timestamp) rows.get(rows.size() - limit).get("at")).toInstant().plus(window);
        Duration wait = Duration.between(now, freed);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Removes hits older than a day (longer than any window) and keys idle as long. */
    void purge() {
        jdbc.sql("delete from rate_limit_hits where at < now() - interval '1 day'").update();
        jdbc.sql("delete from rate_limit_keys where last_at < now() - interval '1 day'").update();
    }
}
