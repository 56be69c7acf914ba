package dev.portal.order.checkout;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalRejectedException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.order.config.OrderProperties;
import dev.portal.order.orders.LinkedAccount;
import dev.portal.order.orders.Order;
import dev.portal.order.orders.OrderView;
import dev.portal.order.orders.Orders;
import dev.portal.order.orders.SalesforceOrder;
import dev.portal.platform.security.PortalUser;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.IdGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout: {@code POST /api/orders} from the key to the Salesforce Order.
 *
 * <ol>
 *   <li>the request's shape (Bean Validation, then the configured quantity bounds and item count) and the
 *       {@code Idempotency-Key};</li>
 *   <li>pre-check 1: the caller's account is linked ({@code account-not-linked});</li>
 *   <li>the key is claimed: a checkout row is committed before anything is sent, so the same key never places two
 *       orders. The same key with the same body answers the first answer again; with another body 422; while another
 *       request with it is running 409 {@code idempotency-key-in-use};</li>
 *   <li>the items against the portal price book ({@code item-not-orderable}, naming each);</li>
 *   <li>pre-check 2: a payment method in WHMCS ({@code payment-method-missing});</li>
 *   <li>pre-check 3: for Internet items, no active Internet service in WHMCS ({@code internet-already-active});</li>
 *   <li>the WHMCS client is open ({@code account-closed}) and its address, read now, is the order's snapshot;</li>
 *   <li>the Order with its items in one all-or-none Salesforce request, then the local order and the answer in one
 *       transaction.</li>
 * </ol>
 *
 * A refusal or an outage before the Salesforce create leaves nothing behind and frees the key. A create whose outcome
 * is unknown (a timeout, a connection lost after sending) leaves the checkout in doubt: a retry with the same key first
 * looks for the order by its reference, and creates it again only when Salesforce still does not show it after
 * {@code portal.order.in-doubt-wait}.
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);
    private static final int COMPLETION_ATTEMPTS = 3;

    private final Checkouts checkouts;
    private final Orders orders;
    private final PortalPricebook pricebook;
    private final Billing billing;
    private final OrderBook orderBook;
    private final OrderProperties properties;
    private final TransactionOperations transactions;
    private final JsonMapper json;
    private final IdGenerator ids;
    private final Clock clock;

    PlaceOrder(Checkouts checkouts, Orders orders, PortalPricebook pricebook, Billing billing, OrderBook orderBook,
               OrderProperties properties, TransactionOperations transactions, JsonMapper json, IdGenerator ids, Clock clock) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.pricebook = pricebook;
        this.billing = billing;
        this.orderBook = orderBook;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The answer to a checkout.
     *
     * @param replayed true when this is the stored answer to an earlier request with the same key
     */
    public record Placed(OrderView order, boolean replayed) {
    }

    /** Places the order {@code request} describes for {@code caller}, or answers the first answer to {@code idempotencyKey}. */
    public Placed place(PortalUser caller, String idempotencyKey, CheckoutRequest request) {
        String key = usable(idempotencyKey);
        LinkedAccount account = LinkedAccount.of(caller);
        checkShape(request);
        String fingerprint = Fingerprint.of(request);
        // a key freed by a failed attempt between our insert and our read is tried again, a few times at most
        for (int round = 0; round < 3; round++) {
            Instant now = clock.instant();
            Checkout fresh = new Checkout(ids.generateId(), account.userId(), key, fingerprint, Checkout.Status.IN_FLIGHT, 1,
                    now.plus(properties.checkoutLease()), null, null, now);
            if (checkouts.insert(fresh)) {
                return run(fresh, account, request, false);
            }
            Optional<Checkout> found = checkouts.find(account.userId(), key);
            if (found.isEmpty()) {
                continue;
            }
            Checkout earlier = found.get();
            if (!earlier.requestHash().equals(fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            if (earlier.status() == Checkout.Status.COMPLETED) {
                return replay(earlier);
            }
            if (earlier.leaseUntil().isAfter(now)) {
                if (earlier.status() == Checkout.Status.IN_DOUBT) {
                    Optional<SalesforceOrder> created = orderBook.findByReference(earlier.id());
                    if (created.isPresent()) {
                        return complete(earlier, created.get(), account);
                    }
                }
                throw new IdempotencyKeyInUse();
            }
            Instant leaseUntil = now.plus(properties.checkoutLease());
            if (!checkouts.takeOver(earlier, leaseUntil, now)) {
                throw new IdempotencyKeyInUse();
            }
            log.info("checkout {} taken over by attempt {} after its lease ran out", earlier.id(), earlier.attempt() + 1);
            return run(earlier.nextAttempt(leaseUntil), account, request, true);
        }
        throw new IdempotencyKeyInUse();
    }

    private Placed run(Checkout checkout, LinkedAccount account, CheckoutRequest request, boolean resumed) {
        // a resumed checkout may have created its order already: until Salesforce says it did not, its key stays held
        boolean outcomeUnknown = resumed;
        try {
            if (resumed) {
                Optional<SalesforceOrder> created = orderBook.findByReference(checkout.id());
                if (created.isPresent()) {
                    return complete(checkout, created.get(), account);
                }
                outcomeUnknown = false;
            }
            List<NewOrder.Item> items = orderable(request);
            if (!billing.hasPaymentMethod(account.whmcsClientId())) {
                throw new PaymentMethodMissing();
            }
            if (items.stream().anyMatch(item -> item.entry().internet())
                    && billing.hasActiveInternet(account.whmcsClientId(), pricebook.internetProductIds())) {
                throw new InternetAlreadyActive();
            }
            BillingCustomer customer = billing.customer(account.whmcsClientId());
            if (customer.closed()) {
                throw new AccountClosed();
            }
            NewOrder order = new NewOrder(checkout.id(), account.accountId(), properties.pricebookId(), properties.initialStatus(),
                    LocalDate.now(clock), blankToNull(request.note()), customer.address(), items);
            SalesforceOrder created;
            try {
                created = orderBook.create(order);
            } catch (ExternalSystemException e) {
                outcomeUnknown = !certainlyNotCreated(e);
                throw e;
            }
            // from here on the order exists: a failure must leave the checkout to be settled, never free its key
            outcomeUnknown = true;
            return complete(checkout, created, account);
        } catch (RuntimeException e) {
            if (outcomeUnknown) {
                checkouts.inDoubt(checkout, clock.instant().plus(properties.inDoubtWait()));
                log.warn("checkout {} in doubt: Salesforce may hold its order ({})", checkout.id(), e.toString());
            } else {
                checkouts.release(checkout);
            }
            throw e;
        }
    }

    /** The local order and the stored answer, in one transaction; retried when a change event inserted the order first. */
    private Placed complete(Checkout checkout, SalesforceOrder created, LinkedAccount account) {
        for (int attempt = 1; ; attempt++) {
            try {
                Placed placed = transactions.execute(tx -> {
                    Instant now = clock.instant();
                    Order order = orders.findLockedById(created.id()).map(seen -> {
                        seen.placedBy(account.userId(), checkout.id(), now);
                        if (seen.lines().isEmpty()) {
                            seen.replaceLines(created.lines(), now);
                        }
                        return seen;
                    }).orElseGet(() -> Order.placed(created, account.userId(), checkout.id(), now));
                    orders.save(order);
                    OrderView view = OrderView.of(order);
                    if (!checkouts.complete(checkout.id(), order.id(), json.writeValueAsString(view))) {
                        return replay(checkouts.findById(checkout.id()).orElseThrow());
                    }
                    return new Placed(view, false);
                });
                if (!placed.replayed()) {
                    log.info("order {} placed by checkout {} for account {} ({} items)", placed.order().id(), checkout.id(),
                            account.accountId(), placed.order().items().size());
                }
                return placed;
            } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException race) {
                if (attempt == COMPLETION_ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    private Placed replay(Checkout completed) {
        return new Placed(json.readValue(completed.response(), OrderView.class), true);
    }

    private List<NewOrder.Item> orderable(CheckoutRequest request) {
        Set<String> wanted = new LinkedHashSet<>();
        request.items().forEach(item -> wanted.add(item.pricebookEntryId()));
        Map<String, PricebookEntry> entries = pricebook.orderable(wanted);
        List<Map<String, String>> errors = new ArrayList<>();
        List<NewOrder.Item> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            CheckoutRequest.Item item = request.items().get(i);
            PricebookEntry entry = entries.get(item.pricebookEntryId());
            if (entry == null) {
                errors.add(Map.of("field", "items[" + i + "].pricebookEntryId",
                        "message", item.pricebookEntryId() + " is not an active entry of the portal price book"));
            } else {
                items.add(new NewOrder.Item(entry, item.quantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ItemsNotOrderable(errors);
        }
        return items;
    }

    private void checkShape(CheckoutRequest request) {
        if (request.items().size() > properties.maxItems()) {
            throw new TooManyItems(properties.maxItems());
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            int quantity = request.items().get(i).quantity();
            if (quantity < properties.minQuantity() || quantity > properties.maxQuantity()) {
                errors.add(Map.of("field", "items[" + i + "].quantity",
                        "message", "must be between " + properties.minQuantity() + " and " + properties.maxQuantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new QuantityOutOfRange(errors);
        }
    }

    // Printable ASCII, as HTTP header values are; long enough for any UUID or client-made token.
    private static String usable(String key) {
        if (key == null || key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IdempotencyKeyMissing();
        }
        return key;
    }

    /**
     * Whether a failed create certainly created nothing: Salesforce refused it (all-or-none rolls back), the breaker
     * kept it from being sent, the connection was never made, or an HTTP error answer came back. Everything else (no
     * answer in time, a connection lost after sending, an unreadable answer) leaves the outcome unknown.
     */
    private static boolean certainlyNotCreated(ExternalSystemException e) {
        if (e instanceof ExternalRejectedException || e instanceof CircuitOpenException) {
            return true;
        }
        if (e instanceof ExternalUnavailableException unavailable) {
            if (unavailable.status() != 0) {
                return true;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
