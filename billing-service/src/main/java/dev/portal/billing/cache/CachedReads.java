package dev.portal.billing.cache;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code cached_reads} and {@code cache_evictions} tables. An entry is served while it has not expired and was
 * fetched no earlier than the eviction markers of its client and of its Salesforce Account for that cache; a marker
 * also keeps older fetches from being stored, so a WHMCS call that was under way when the eviction came cannot put
 * stale data back.
 */
@Repository
class CachedReads {

    private final JdbcClient jdbc;

    CachedReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry's JSON, if it is live at {@code now}. */
    Optional<String> find(long clientId, String accountId, CacheName cache, String key, Instant now) {
        return jdbc.sql("""
                        select r.payload::text from cached_reads r
                        where r.client_id = :client and r.cache = :cache and r.cache_key = :key and r.expires_at > :now
                          and not exists (select 1 from cache_evictions e
                                          where e.subject in (:clientSubject, :accountSubject) and e.stale_before > r.fetched_at)
                        """)
                .param("client", clientId).param("cache", cache.wireName()).param("key", key).param("now", Timestamp.from(now))
                .param("clientSubject", clientSubject(clientId, cache)).param("accountSubject", accountSubject(accountId, clientId, cache))
                .query(String.class).optional();
    }

    /** Stores what a WHMCS call started at {@code fetchedAt} answered, unless an eviction came after that start. */
    void put(long clientId, String accountId, CacheName cache, String key, String json, Instant fetchedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into cached_reads (client_id, cache, cache_key, account_id, payload, fetched_at, expires_at)
                        select :client, :cache, :key, :account, cast(:payload as jsonb), :fetched, :expires
                        where not exists (select 1 from cache_evictions e
                                          where e.subject in (:clientSubject, :accountSubject) and e.stale_before > :fetched)
                        on conflict (client_id, cache, cache_key) do update
                          set account_id = excluded.account_id, payload = excluded.payload,
                              fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
                          where cached_reads.fetched_at <= excluded.fetched_at
                        """)
                .param("client", clientId).param("cache", cache.wireName()).param("key", key).param("account", accountId)
                .param("payload", json).param("fetched", Timestamp.from(fetchedAt)).param("expires", Timestamp.from(expiresAt))
                .param("clientSubject", clientSubject(clientId, cache)).param("accountSubject", accountSubject(accountId, clientId, cache))
                .update();
    }

    /** Drops the client's entries of {@code caches}; what is fetched before {@code staleBefore} is neither served nor stored. */
    @Transactional
    int evictClient(long clientId, Collection<CacheName> caches, Instant staleBefore) {
        caches.forEach(cache -> mark(clientSubject(clientId, cache), staleBefore));
        return jdbc.sql("delete from cached_reads where client_id = :client and cache in (:caches)")
                .param("client", clientId).param("caches", caches.stream().map(CacheName::wireName).toList()).update();
    }

    /** As {@link #evictClient} for the client(s) of a Salesforce Account, as the tokens that filled the cache named it. */
    @Transactional
    int evictAccount(String accountId, Collection<CacheName> caches, Instant staleBefore) {
        caches.forEach(cache -> mark("account:" + accountId + ":" + cache.wireName(), staleBefore));
        return jdbc.sql("delete from cached_reads where account_id = :account and cache in (:caches)")
                .param("account", accountId).param("caches", caches.stream().map(CacheName::wireName).toList()).update();
    }

    /** Deletes expired entries, and markers older than {@code markersBefore} (no live entry can be older than those). */
    int prune(Instant now, Instant markersBefore) {
        int entries = jdbc.sql("delete from cached_reads where expires_at <= ?").param(Timestamp.from(now)).update();
        jdbc.sql("delete from cache_evictions where stale_before < ?").param(Timestamp.from(markersBefore)).update();
        return entries;
    }

    private void mark(String subject, Instant staleBefore) {
        jdbc.sql("""
                        insert into cache_evictions (subject, stale_before) values (?, ?)
                        on conflict (subject) do update set stale_before = greatest(cache_evictions.stale_before, excluded.stale_before)
                        """)
                .params(subject, Timestamp.from(staleBefore)).update();
    }

    private static String clientSubject(long clientId, CacheName cache) {
        return "client:" + clientId + ":" + cache.wireName();
    }

    // without an Account the client's own subject stands in, so the query keeps one shape
    private static String accountSubject(String accountId, long clientId, CacheName cache) {
        return accountId == null ? clientSubject(clientId, cache) : "account:" + accountId + ":" + cache.wireName();
    }
}
