package dev.portal.clients.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.entitlements.ActiveEntitlementListParams;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalSystemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the portal asks Stripe Billing: customers, their subscriptions, a subscription's wishlist quota and a
 * customer's active entitlements. Every call goes through {@link ExternalCalls} (timeouts, breaker, metrics);
 * reads are retried, a create is retried only when the caller gave an idempotency key. Failures are typed:
 * {@link StripeApiException} for Stripe's refusals, the client-support exceptions for everything else.
 */
public final class StripeBilling {

    static final String SYSTEM = "stripe";
    private static final long PAGE = 100;

    private final StripeClient stripe;
    private final ExternalCalls calls;
    private final String quotaKey;

    public StripeBilling(StripeClientProperties properties, ExternalCalls calls) {
        if (properties.secretKey() == null || properties.secretKey().isBlank()) {
            throw new IllegalArgumentException("portal.clients.stripe.secret-key (PORTAL_STRIPE_SECRET_KEY) is not set");
        }
        this.stripe = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase().toString().replaceAll("/+$", ""))
                .setConnectTimeout(Math.toIntExact(properties.http().connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.http().readTimeout().toMillis()))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .build();
        this.calls = calls;
        this.quotaKey = properties.quotaMetadataKey();
    }

    /**
     * Creates a customer. With an {@code idempotencyKey} (e.g. derived from the portal customer number) Stripe
     * deduplicates it, so timeouts and 5xx are retried; without one it is sent once.
     */
    public StripeCustomer createCustomer(NewCustomer customer, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putAllMetadata(customer.metadata());
        if (customer.email() != null) {
            params.setEmail(customer.email());
        }
        if (customer.name() != null) {
            params.setName(customer.name());
        }
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (idempotencyKey != null) {
            options.setIdempotencyKey(idempotencyKey);
        }
        ExternalCalls.Repeat repeat = idempotencyKey != null ? ExternalCalls.Repeat.SAFE : ExternalCalls.Repeat.ONCE;
        return call("CreateCustomer", repeat, () -> customer(stripe.customers().create(params.build(), options.build())));
    }

    /** The customer, or empty when Stripe has no such customer or it was deleted. */
    public Optional<StripeCustomer> customer(String customerId) {
        return missingAsEmpty(() -> call("RetrieveCustomer", ExternalCalls.Repeat.SAFE, () -> {
            Customer c = stripe.customers().retrieve(customerId);
            return Boolean.TRUE.equals(c.getDeleted()) ? null : customer(c);
        }));
    }

    /** Every subscription of the customer, canceled ones included, newest first. */
    public List<StripeSubscription> subscriptions(String customerId) {
        List<StripeSubscription> all = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            SubscriptionListParams.Builder params = SubscriptionListParams.builder().setCustomer(customerId)
                    .setStatus(SubscriptionListParams.Status.ALL).setLimit(PAGE);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Subscription> page = call("ListSubscriptions", ExternalCalls.Repeat.SAFE,
                    () -> stripe.subscriptions().list(params.build()));
            List<Subscription> data = page.getData() == null ? List.of() : page.getData();
            data.forEach(s -> all.add(subscription(s)));
            more = Boolean.TRUE.equals(page.getHasMore()) && !data.isEmpty();
            after = data.isEmpty() ? null : data.getLast().getId();
        }
        return all;
    }

    /** The subscription with each item's price and product, or empty when Stripe has no such subscription. */
    public Optional<StripeSubscription> subscription(String subscriptionId) {
        SubscriptionRetrieveParams params = SubscriptionRetrieveParams.builder().addExpand("items.data.price.product").build();
        return missingAsEmpty(() -> call("RetrieveSubscription", ExternalCalls.Repeat.SAFE,
                () -> subscription(stripe.subscriptions().retrieve(subscriptionId, params))));
    }

    /**
     * The wishlist quota of a subscription: the configured metadata key ({@code wishlist_quota}) on the price of
     * its first item that has it, else on that price's product. Empty when none carries a whole number.
     */
    public Optional<Integer> quota(String subscriptionId) {
        return subscription(subscriptionId).flatMap(s -> s.quota(quotaKey));
    }

    /** The features the customer is entitled to now, across all pages. */
    public List<ActiveEntitlement> activeEntitlements(String customerId) {
        List<ActiveEntitlement> all = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            ActiveEntitlementListParams.Builder params = ActiveEntitlementListParams.builder().setCustomer(customerId).setLimit(PAGE);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<com.stripe.model.entitlements.ActiveEntitlement> page = call("ListActiveEntitlements",
                    ExternalCalls.Repeat.SAFE, () -> stripe.entitlements().activeEntitlements().list(params.build()));
            List<com.stripe.model.entitlements.ActiveEntitlement> data = page.getData() == null ? List.of() : page.getData();
            data.forEach(e -> all.add(new ActiveEntitlement(e.getId(), e.getFeature(), e.getLookupKey())));
            more = Boolean.TRUE.equals(page.getHasMore()) && !data.isEmpty();
            after = data.isEmpty() ? null : data.getLast().getId();
        }
        return all;
    }

    /** Active prices by lookup key (e.g. {@code wishlist_starter}, {@code wishlist_pro}) with their products. */
    public List<StripePrice> prices(List<String> lookupKeys) {
        if (lookupKeys.isEmpty()) {
            return List.of();
        }
        PriceListParams params = PriceListParams.builder().addAllLookupKey(lookupKeys).setActive(true)
                .setLimit(PAGE).addExpand("data.product").build();
        StripeCollection<Price> page = call("ListPrices", ExternalCalls.Repeat.SAFE, () -> stripe.prices().list(params));
        List<StripePrice> prices = new ArrayList<>();
        for (Price price : page.getData() == null ? List.<Price>of() : page.getData()) {
            Product product = price.getProductObject();
            prices.add(new StripePrice(required(price.getId(), "ListPrices", "price id"), price.getLookupKey(),
                    price.getProduct(), product == null ? null : product.getName(), price.getCurrency(),
                    price.getUnitAmount(), price.getRecurring() == null ? null : price.getRecurring().getInterval(),
                    price.getRecurring() == null || price.getRecurring().getIntervalCount() == null ? 0 : price.getRecurring().getIntervalCount(),
                    Boolean.TRUE.equals(price.getActive()), price.getMetadata(), product == null ? null : product.getMetadata()));
        }
        return prices;
    }

    /** The metadata key quotas are read from. */
    public String quotaMetadataKey() {
        return quotaKey;
    }

    /** The guard every call goes through (breaker state for health and tests). */
    public ExternalCalls calls() {
        return calls;
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String operation, ExternalCalls.Repeat repeat, StripeCall<T> call) {
        return calls.call(operation, repeat, () -> {
            try {
                return call.run();
            } catch (StripeException e) {
                throw StripeErrors.map(operation, e);
            } catch (ExternalSystemException e) {
                throw e;
            } catch (RuntimeException e) {
                // stripe-java's JSON binding (Gson) fails with runtime exceptions on wrong types and cut answers
                throw new ExternalResponseException(SYSTEM, operation, 200, "unreadable answer: " + e, e);
            }
        });
    }

    private static <T> Optional<T> missingAsEmpty(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (StripeApiException e) {
            if (e.resourceMissing()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static StripeCustomer customer(Customer c) {
        return new StripeCustomer(required(c.getId(), "CreateCustomer", "customer id"), c.getEmail(), c.getName(),
                c.getMetadata(), instant(c.getCreated()));
    }

    private static StripeSubscription subscription(Subscription s) {
        required(s.getId(), "RetrieveSubscription", "subscription id");
        List<StripeSubscription.Item> items = new ArrayList<>();
        if (s.getItems() != null && s.getItems().getData() != null) {
            for (SubscriptionItem item : s.getItems().getData()) {
                Price price = item.getPrice();
                Product product = price == null ? null : price.getProductObject();
                items.add(new StripeSubscription.Item(item.getId(),
                        price == null ? null : price.getId(),
                        price == null ? null : price.getLookupKey(),
                        price == null ? null : price.getProduct(),
                        item.getQuantity() == null ? 1 : item.getQuantity(),
                        instant(item.getCurrentPeriodStart()), instant(item.getCurrentPeriodEnd()),
                        price == null ? null : price.getMetadata(),
                        product == null ? null : product.getMetadata()));
            }
        }
        return new StripeSubscription(s.getId(), s.getCustomer(), StripeSubscription.Status.of(s.getStatus()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()), instant(s.getCanceledAt()), instant(s.getCreated()),
                s.getLatestInvoice(), items);
    }

    private static String required(String value, String operation, String what) {
        if (value == null) {
            throw new ExternalResponseException(SYSTEM, operation, 200, "answer without " + what, null);
        }
        return value;
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
