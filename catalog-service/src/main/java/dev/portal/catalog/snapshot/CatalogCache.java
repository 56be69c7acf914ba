package dev.portal.catalog.snapshot;

import dev.portal.catalog.config.CatalogProperties;
import dev.portal.catalog.products.CatalogItem;
import dev.portal.catalog.products.PricebookSource;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.support.ExternalTimeoutException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The per-instance catalogue: a snapshot without TTL, loaded from Salesforce at start (or on first use) and kept
 * fresh by change events ({@link #entryChanged}, {@link #productChanged}, {@link #reload}). Readers never block
 * on a warm cache; every change is serialised by one lock, so a patch and a full reload cannot overtake each other
 * (whichever runs later read later data). A change that cannot be applied (Salesforce down) marks the snapshot
 * stale: it keeps serving and is reloaded at the next retry.
 */
@Component
public class CatalogCache {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    private final PricebookSource source;
    private final CatalogProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>();
    private final ReentrantLock changes = new ReentrantLock();
    private volatile boolean stale;

    CatalogCache(PricebookSource source, CatalogProperties properties, Clock clock, MeterRegistry meters) {
        this.source = source;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("portal.catalog.items", current, c -> c.get() == null ? 0 : c.get().byEntryId().size()).register(meters);
    }

    /** Every sellable item, in display order. Cold cache: loads it, or fails with {@link CatalogUnavailable} or {@link CatalogTimeout}. */
    public List<CatalogItem> items() {
        return snapshot().items();
    }

    public Optional<CatalogItem> product(String productId) {
        return snapshot().product(productId);
    }

    /** When the snapshot was read from Salesforce as a whole (patches do not move it); empty while cold. */
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(current.get()).map(CatalogSnapshot::loadedAt);
    }

    public boolean stale() {
        return stale;
    }

    /** A PricebookEntry was created, updated or undeleted: read just that entry again. */
    public void entryChanged(String entryId) {
        patch("entry", () -> current.get().withEntry(entryId, source.readEntry(entryId)));
    }

    public void entryDeleted(String entryId) {
        patch("entry", () -> current.get().withEntry(entryId, List.of()));
    }

    /** A Product2 changed (name, visibility, category, ...): read its entries in the price book again. */
    public void productChanged(String productId) {
        patch("product", () -> current.get().withProduct(productId, source.readProduct(productId)));
    }

    public void productDeleted(String productId) {
        patch("product", () -> current.get().withProduct(productId, List.of()));
    }

    /** Reads the whole price book again (price book change, gap, resync, unknown change); a failure marks it stale. */
    public void reloadQuietly(String reason) {
        try {
            reload(reason);
        } catch (ExternalSystemException e) {
            stale = true;
            count("reload", "failed");
            log.warn("catalog reload ({}) failed, serving the previous snapshot until the next retry: {}", reason, e.toString());
        }
    }

    /**
     * The consumer now has its positions on the change topics. A snapshot read before that moment may have missed
     * a change published in between, so it is read again; a cold cache has nothing to fix.
     */
    public void listening() {
        // under the lock: a load in flight read before the positions were fixed, so it counts as loaded-before
        changes.lock();
        try {
            if (current.get() != null) {
                reloadQuietly("change topics assigned");
            }
        } finally {
            changes.unlock();
        }
    }

    /** Loads at start, retries after failures and refreshes as a safety net (the interval is a setting). */
    @Scheduled(initialDelay = 0, fixedDelayString = "${portal.catalog.retry-interval:10s}")
    void maintain() {
        CatalogSnapshot snapshot = current.get();
        if (snapshot == null) {
            reloadQuietly("start");
        } else if (stale) {
            reloadQuietly("retry after a failed change");
        } else if (!Duration.between(snapshot.loadedAt(), clock.instant()).minus(properties.refreshInterval()).isNegative()) {
            reloadQuietly("safety refresh");
        }
    }

    void reload(String reason) {
        changes.lock();
        try {
            long started = System.nanoTime();
            List<CatalogItem> items = source.readAll();
            current.set(CatalogSnapshot.of(items, clock.instant()));
            stale = false;
            count("reload", "applied");
            log.info("catalog loaded ({}): {} items from price book {} in {} ms", reason, items.size(), properties.pricebookId(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            changes.unlock();
        }
    }

    private CatalogSnapshot snapshot() {
        CatalogSnapshot snapshot = current.get();
        if (snapshot != null) {
            return snapshot;
        }
        boolean locked = false;
        try {
            // a load in flight (start, retry) may be stuck on a slow Salesforce: wait for it only so long
            locked = changes.tryLock(properties.coldLoadWait().toMillis(), TimeUnit.MILLISECONDS);
            if (!locked) {
                log.warn("catalog is cold and no load finished within {}", properties.coldLoadWait());
                throw new CatalogTimeout();
            }
            if (current.get() == null) {
                reload("first use");
            }
            return current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailable();
        } catch (ExternalTimeoutException e) {
            log.warn("catalog is cold and Salesforce timed out: {}", e.toString());
            throw new CatalogTimeout();
        } catch (ExternalSystemException e) {
            log.warn("catalog is cold and Salesforce cannot serve it: {}", e.toString());
            throw new CatalogUnavailable();
        } finally {
            if (locked) {
                changes.unlock();
            }
        }
    }

    private void patch(String kind, Supplier<CatalogSnapshot> change) {
        changes.lock();
        try {
            if (current.get() == null) {
                // cold: the first load reads everything fresh anyway
                count(kind, "cold");
                return;
            }
            current.set(change.get());
            count(kind, "applied");
        } catch (ExternalSystemException e) {
            stale = true;
            count(kind, "failed");
            log.warn("catalog {} change could not be read, full reload at the next retry: {}", kind, e.toString());
        } finally {
            changes.unlock();
        }
    }

    private void count(String kind, String outcome) {
        meters.counter("portal.catalog.changes", "kind", kind, "outcome", outcome).increment();
    }
}
