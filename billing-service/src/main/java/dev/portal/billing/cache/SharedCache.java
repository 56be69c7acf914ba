package dev.portal.billing.cache;

import dev.portal.billing.config.BillingProperties;
import dev.portal.billing.customer.Customer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-through caches of WHMCS answers, shared by every replica through PostgreSQL (decision 0033). Lifetimes are
 * measured with the injected clock from the moment the WHMCS call started. The cache is an optimisation only: when
 * PostgreSQL cannot answer, the read goes to WHMCS and the answer is not stored. Metrics:
 * {@code portal.billing.cache.reads{cache, result=hit|miss|error}} and {@code portal.billing.cache.evictions{reason}}.
 */
@Service
public class SharedCache {

    private static final Logger log = LoggerFactory.getLogger(SharedCache.class);

    private final CachedReads reads;
    private final BillingProperties.Cache settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    SharedCache(CachedReads reads, BillingProperties properties, Clock clock, MeterRegistry meters) {
        this.reads = reads;
        this.settings = properties.cache();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The cached value of {@code key} in {@code cache} for the customer's client, or what {@code load} answers now
     * (then stored for the cache's lifetime). A failing {@code load} is not cached and its exception passes.
     */
    public <T> T read(Customer customer, CacheName cache, String key, Class<T> type, Supplier<T> load) {
        Instant startedAt = clock.instant();
        Optional<T> cached = lookUp(customer, cache, key, type, startedAt);
        if (cached.isPresent()) {
            count(cache, "hit");
            return cached.get();
        }
        T fresh = load.get();
        store(customer, cache, key, fresh, startedAt);
        return fresh;
    }

    /**
     * Drops the client's entries of {@code caches}; with a {@code hold}, what is read from WHMCS during it is not
     * cached either (the client is about to change something there, e.g. pay through a payment link).
     */
    public void evictClient(Customer customer, Collection<CacheName> caches, Duration hold, String reason) {
        int dropped = reads.evictClient(customer.whmcsClientId(), caches, clock.instant().plus(hold));
        if (customer.accountId() != null) {
            dropped += reads.evictAccount(customer.accountId(), caches, clock.instant().plus(hold));
        }
        meters.counter("portal.billing.cache.evictions", "reason", reason).increment();
        log.info("cache evicted for WHMCS client {}: {} entries of {} ({}, hold {})", customer.whmcsClientId(), dropped,
                caches.stream().map(CacheName::wireName).toList(), reason, hold);
    }

    /** Drops the entries of {@code caches} of the client(s) of a Salesforce Account. */
    public void evictAccount(String accountId, Collection<CacheName> caches, String reason) {
        int dropped = reads.evictAccount(accountId, caches, clock.instant());
        meters.counter("portal.billing.cache.evictions", "reason", reason).increment();
        log.info("cache evicted for Salesforce Account {}: {} entries of {} ({})", accountId, dropped,
                caches.stream().map(CacheName::wireName).toList(), reason);
    }

    @Scheduled(fixedDelayString = "${portal.billing.cache.prune-interval:5m}", initialDelayString = "${portal.billing.cache.prune-interval:5m}")
    void prune() {
        Instant now = clock.instant();
        try {
            int pruned = reads.prune(now, now.minus(settings.longest()));
            log.debug("pruned {} expired cache entries", pruned);
        } catch (DataAccessException e) {
            log.warn("could not prune the shared cache: {}", e.getMessage());
        }
    }

    private <T> Optional<T> lookUp(Customer customer, CacheName cache, String key, Class<T> type, Instant now) {
        try {
            Optional<String> found = reads.find(customer.whmcsClientId(), customer.accountId(), cache, key, now);
            if (found.isEmpty()) {
                count(cache, "miss");
                return Optional.empty();
            }
            return Optional.of(json.readValue(found.get(), type));
        } catch (DataAccessException | JacksonException e) {
            // an unreadable entry (an older shape) or an unreachable database: ask WHMCS instead
            count(cache, "error");
            log.warn("shared cache {} unreadable for WHMCS client {}: {}", cache.wireName(), customer.whmcsClientId(), e.getMessage());
            return Optional.empty();
        }
    }

    private void store(Customer customer, CacheName cache, String key, Object value, Instant fetchedAt) {
        try {
            reads.put(customer.whmcsClientId(), customer.accountId(), cache, key, json.writeValueAsString(value), fetchedAt,
                    fetchedAt.plus(cache.lifetime(settings)));
        } catch (DataAccessException e) {
            log.warn("shared cache {} not stored for WHMCS client {}: {}", cache.wireName(), customer.whmcsClientId(), e.getMessage());
        }
    }

    private void count(CacheName cache, String result) {
        meters.counter("portal.billing.cache.reads", "cache", cache.wireName(), "result", result).increment();
    }
}
