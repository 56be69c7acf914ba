package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static dev.portal.sandbox.stripe.StripeObjects.text;

/**
 * The seeded account ({@code docs/sandbox/stripe.md}): the two wishlist plans with their prices, quota metadata and
 * features, and four customers with an active, a past-due, a canceled and no subscription. Fixed ids, so tests
 * and docs can name them; dates relative to now.
 */
@Component
class StripeSeed {

    private final StripeObjects objects;
    private final StripeInvoices invoices;

    StripeSeed(StripeObjects objects, StripeInvoices invoices) {
        this.objects = objects;
        this.invoices = invoices;
    }

    /** Stores the seeded objects (call under the lock, on an empty account). */
    void load() {
        long now = objects.now();
        long created = now - 90L * 86_400;
        ObjectNode starter = StripeProducts.product("prod_sandbox_wishlist_starter", "Wishlist Starter", "Up to 10 wishlist groups", created);
        ObjectNode pro = StripeProducts.product("prod_sandbox_wishlist_pro", "Wishlist Pro", "Up to 100 wishlist groups, shared wishlists", created);
        ((ObjectNode) starter.get("metadata")).put("wishlist_quota", "10");
        ((ObjectNode) pro.get("metadata")).put("wishlist_quota", "100");
        ObjectNode starterPrice = StripePrices.price("price_sandbox_wishlist_starter", text(starter, "id"), "jpy", 1500, "wishlist_starter",
                "month", 1, created);
        ObjectNode proPrice = StripePrices.price("price_sandbox_wishlist_pro", text(pro, "id"), "jpy", 5000, "wishlist_pro", "month", 1, created);
        ((ObjectNode) starterPrice.get("metadata")).put("wishlist_quota", "10");
        ((ObjectNode) proPrice.get("metadata")).put("wishlist_quota", "100");
        starter.put("default_price", text(starterPrice, "id"));
        pro.put("default_price", text(proPrice, "id"));
        for (ObjectNode node : List.of(starter, pro, starterPrice, proPrice)) {
            objects.put(node);
        }
        ObjectNode wishlists = StripeFeatures.feature("feat_sandbox_wishlists", "Wishlists", "wishlists");
        ObjectNode sharing = StripeFeatures.feature("feat_sandbox_wishlist_sharing", "Shared wishlists", "wishlist_sharing");
        objects.put(wishlists);
        objects.put(sharing);
        objects.featuresOf(text(starter, "id")).add(StripeFeatures.productFeature("prodft_sandbox_starter_wishlists", text(wishlists, "id")));
        objects.featuresOf(text(pro, "id")).addAll(List.of(
                StripeFeatures.productFeature("prodft_sandbox_pro_wishlists", text(wishlists, "id")),
                StripeFeatures.productFeature("prodft_sandbox_pro_sharing", text(sharing, "id"))));

        customer("active", "Hanako Yamada", "hanako.yamada@example.jp", "SF-100001", "pm_sandbox_visa_4242", created);
        customer("pastdue", "Taro Suzuki", "taro.suzuki@example.jp", "SF-100002", "pm_sandbox_visa_0341", created);
        customer("canceled", "Aiko Tanaka", "aiko.tanaka@example.jp", "SF-100003", null, created);
        customer("none", "Mika Ito", "mika.ito@example.jp", "SF-100006", null, created);

        long periodStart = ZonedDateTime.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC).minusDays(10).toEpochSecond();
        subscription("active", starterPrice, "active", periodStart, true);
        subscription("pastdue", proPrice, "past_due", periodStart, false);
        ObjectNode canceled = subscription("canceled", starterPrice, "canceled",
                ZonedDateTime.ofInstant(Instant.ofEpochSecond(periodStart), ZoneOffset.UTC).minusMonths(1).toEpochSecond(), true);
        long endedAt = StripeSubscriptions.itemsOf(canceled).getFirst().get("current_period_end").asLong();
        canceled.put("canceled_at", endedAt - 86_400);
        canceled.put("ended_at", endedAt);
        ((ObjectNode) canceled.get("cancellation_details")).put("reason", "cancellation_requested");
    }

    private void customer(String name, String fullName, String email, String customerNo, String paymentMethod, long created) {
        ObjectNode c = StripeCustomers.customer("cus_sandbox_" + name, email, fullName, paymentMethod, created);
        c.put("invoice_prefix", "SANDBOX" + name.toUpperCase().charAt(0));
        ((ObjectNode) c.get("metadata")).put("portal_customer_no", customerNo);
        objects.put(c);
    }

    private ObjectNode subscription(String name, ObjectNode price, String status, long periodStart, boolean paid) {
        long start = ZonedDateTime.ofInstant(Instant.ofEpochSecond(periodStart), ZoneOffset.UTC).minusMonths(2).toEpochSecond();
        String id = "sub_sandbox_" + name;
        ObjectNode sub = StripeSubscriptions.subscription(id, "cus_sandbox_" + name, start);
        sub.put("status", status);
        ObjectNode customer = objects.get("cus_sandbox_" + name);
        sub.set("default_payment_method", customer.get("invoice_settings").get("default_payment_method"));
        ArrayNode data = (ArrayNode) sub.get("items").get("data");
        data.add(StripeSubscriptions.item("si_sandbox_" + name, id, price, 1, periodStart, StripeSubscriptions.periodEnd(periodStart, price), null));
        ((ObjectNode) data.get(0)).put("created", start);
        ((ObjectNode) sub.get("items")).put("total_count", 1);
        objects.put(sub);
        invoices.issue("in_sandbox_" + name, sub, "subscription_cycle", paid, periodStart, periodStart);
        sub.put("latest_invoice", "in_sandbox_" + name);
        return sub;
    }
}
