package dev.portal.catalog.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.catalog.products.CatalogItem;
import dev.portal.catalog.products.Category;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patching the snapshot: only what changed moves, the old snapshot stays as it was, order is stable. */
class CatalogSnapshotTest {

    static final Instant LOADED = Instant.parse("2026-12-05T00:00:00Z");

    static CatalogItem item(String product, String entry, Category category, int price) {
        return new CatalogItem(product, entry, "name " + product, "code-" + product, category, false, 1L,
                BigDecimal.valueOf(price), "JPY");
    }

    @Test
    void an_entry_patch_replaces_only_that_entry_and_leaves_the_old_snapshot_alone() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(item("p1", "e1", Category.SIM, 990), item("p2", "e2", Category.VPN, 550)), LOADED);

        CatalogSnapshot after = before.withEntry("e1", List.of(item("p1", "e1", Category.SIM, 880)));

        assertThat(after.product("p1")).hasValueSatisfying(i -> assertThat(i.unitPrice()).isEqualByComparingTo("880"));
        assertThat(after.product("p2")).isEqualTo(before.product("p2"));
        assertThat(before.product("p1")).hasValueSatisfying(i -> assertThat(i.unitPrice()).isEqualByComparingTo("990"));
        assertThat(after.loadedAt()).isEqualTo(LOADED);
    }

    @Test
    void an_entry_that_is_no_longer_sellable_disappears_and_applying_it_twice_changes_nothing() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(item("p1", "e1", Category.SIM, 990), item("p2", "e2", Category.VPN, 550)), LOADED);

        CatalogSnapshot once = before.withEntry("e1", List.of());
        CatalogSnapshot twice = once.withEntry("e1", List.of());

        assertThat(once.product("p1")).isEmpty();
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void a_product_patch_replaces_all_its_entries() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(item("p1", "e1", Category.SIM, 990), item("p2", "e2", Category.VPN, 550)), LOADED);

        CatalogSnapshot after = before.withProduct("p1", List.of(item("p1", "e9", Category.SIM, 700)));

        assertThat(after.byEntryId()).containsOnlyKeys("e9", "e2");
        assertThat(after.withProduct("p1", List.of()).items()).extracting(CatalogItem::productId).containsExactly("p2");
    }

    @Test
    void items_are_ordered_by_category_then_price_then_name() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(List.of(item("v", "e1", Category.VPN, 100), item("s2", "e2", Category.SIM, 2000),
                item("s1", "e3", Category.SIM, 1000), item("i", "e4", Category.INTERNET, 5000)), LOADED);

        assertThat(snapshot.items()).extracting(CatalogItem::productId).containsExactly("i", "s1", "s2", "v");
    }

    @Test
    void categories_come_from_salesforce_values_and_the_parameter_case_insensitively() {
        assertThat(Category.fromSalesforce("Internet")).contains(Category.INTERNET);
        assertThat(Category.fromSalesforce("Mobile")).contains(Category.SIM);
        assertThat(Category.fromSalesforce("TV")).isEmpty();
        assertThat(Category.fromSalesforce(null)).isEmpty();
        assertThat(Category.fromParameter("VpN")).contains(Category.VPN);
        assertThat(Category.fromParameter("mobile")).isEmpty();
    }
}
