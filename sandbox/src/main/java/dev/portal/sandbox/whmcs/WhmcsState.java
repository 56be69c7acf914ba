package dev.portal.sandbox.whmcs;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The simulated WHMCS installation's records, behind one lock: every API call and admin scenario runs as one
 * step on the store, and {@link #reset()} swaps in a fresh seed. It also counts the API calls per action, so that
 * tests of a caller's cache can see how often WHMCS was actually asked.
 */
@Component
@EnableConfigurationProperties(WhmcsSettings.class)
public class WhmcsState implements SeededState {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final WhmcsSettings settings;
    private final Clock clock;
    private WhmcsStore store;

    WhmcsState(WhmcsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock.withZone(settings.zone());
        this.store = WhmcsSeed.create(today());
    }

    @Override
    public String system() {
        return SandboxSystems.WHMCS;
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            store = WhmcsSeed.create(today());
            calls.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Counts one authenticated API call of {@code action} (whether WHMCS answered success or error). */
    void called(String action) {
        calls.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
    }

    /** API calls per action since start, the last reset or {@link #clearCalls()}, by action name as sent. */
    Map<String, Long> calls() {
        Map<String, Long> view = new TreeMap<>();
        calls.forEach((action, count) -> view.put(action, count.get()));
        return view;
    }

    void clearCalls() {
        calls.clear();
    }

    /** Runs {@code step} on the store while no other request touches it. */
    <T> T apply(Function<WhmcsStore, T> step) {
        lock.lock();
        try {
            return step.apply(store);
        } finally {
            lock.unlock();
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    Clock clock() {
        return clock;
    }

    WhmcsSettings settings() {
        return settings;
    }

    static String itemDescription(WhmcsStore.Product product, WhmcsStore.Service service, LocalDate from) {
        String what = product.groupname + " - " + product.name + (service.domain.isEmpty() ? "" : " - " + service.domain);
        return what + " (" + DAY.format(from) + " - " + DAY.format(from.plusMonths(1).minusDays(1)) + ")";
    }

    /** Records a payment of the invoice's balance through {@code gateway} and marks it Paid. */
    static void markPaid(WhmcsStore store, WhmcsStore.Invoice invoice, String gateway, LocalDateTime when) {
        BigDecimal balance = invoice.total().subtract(invoice.paid());
        long txId = store.nextTransactionId++;
        invoice.transactions.add(new WhmcsStore.Transaction(txId, invoice.userid, gateway, when,
                "Invoice Payment", balance, "sandbox-tx-" + txId, invoice.id));
        invoice.status = "Paid";
        invoice.datepaid = when;
        invoice.updatedAt = when;
    }
}
