package dev.portal.billing.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The races a shared cache must win, on the table itself: a WHMCS read that was under way when an eviction came
 * never puts its (older) answer back, and an older read never overwrites a newer one.
 */
class CachedReadsIT extends BillingTestBase {

    @Autowired
    CachedReads reads;

    @Test
    void a_read_started_before_a_client_eviction_is_not_stored() {
        Instant started = clock.instant();
        reads.evictClient(AIKO, List.of(CacheName.INVOICE_LIST), started.plusMillis(5));

        reads.put(AIKO, AIKO_ACCOUNT, CacheName.INVOICE_LIST, "all", "{\"stale\":true}", started, started.plusSeconds(90));

        assertThat(reads.find(AIKO, AIKO_ACCOUNT, CacheName.INVOICE_LIST, "all", started.plusMillis(10))).isEmpty();
    }

    @Test
    void a_read_started_before_an_account_eviction_is_not_served() {
        Instant started = clock.instant();
        reads.put(AIKO, AIKO_ACCOUNT, CacheName.INVOICE_LIST, "all", "{\"stale\":true}", started, started.plusSeconds(90));

        reads.evictAccount(AIKO_ACCOUNT, List.of(CacheName.INVOICE_LIST), started.plusMillis(5));
        // as if a replica's slow read landed after the eviction's delete
        reads.put(AIKO, AIKO_ACCOUNT, CacheName.INVOICE_LIST, "all", "{\"stale\":true}", started, started.plusSeconds(90));

        assertThat(reads.find(AIKO, AIKO_ACCOUNT, CacheName.INVOICE_LIST, "all", started.plusMillis(10))).isEmpty();
    }

    @Test
    void an_eviction_of_one_cache_leaves_the_others() {
        Instant started = clock.instant();
        reads.put(AIKO, AIKO_ACCOUNT, CacheName.PAYMENT_METHODS, "all", "{\"items\":[]}", started, started.plusSeconds(900));

        reads.evictAccount(AIKO_ACCOUNT, List.of(CacheName.INVOICE_LIST, CacheName.INVOICE), started.plusMillis(5));

        assertThat(reads.find(AIKO, AIKO_ACCOUNT, CacheName.PAYMENT_METHODS, "all", started.plusMillis(10))).isPresent();
    }

    @Test
    void an_older_read_never_overwrites_a_newer_one() {
        Instant older = clock.instant();
        Instant newer = older.plusSeconds(1);
        reads.put(HANAKO, HANAKO_ACCOUNT, CacheName.INVOICE, "3", "{\"v\":\"newer\"}", newer, newer.plusSeconds(300));

        reads.put(HANAKO, HANAKO_ACCOUNT, CacheName.INVOICE, "3", "{\"v\":\"older\"}", older, older.plusSeconds(300));

        assertThat(reads.find(HANAKO, HANAKO_ACCOUNT, CacheName.INVOICE, "3", newer)).hasValueSatisfying(json -> assertThat(json).contains("newer"));
    }

    @Test
    void pruning_drops_expired_entries_and_markers_that_can_hide_nothing() {
        Instant now = clock.instant();
        reads.put(HANAKO, HANAKO_ACCOUNT, CacheName.INVOICE, "1", "{}", now.minusSeconds(400), now.minusSeconds(100));
        reads.put(HANAKO, HANAKO_ACCOUNT, CacheName.INVOICE, "2", "{}", now, now.plusSeconds(300));
        reads.evictClient(AIKO, List.of(CacheName.INVOICE), now.minus(Duration.ofHours(1)));

        reads.prune(now, now.minus(Duration.ofMinutes(15)));

        assertThat(jdbc.sql("select cache_key from cached_reads").query(String.class).list()).containsExactly("2");
        assertThat(jdbc.sql("select count(*) from cache_evictions").query(Integer.class).single()).isZero();
    }
}
