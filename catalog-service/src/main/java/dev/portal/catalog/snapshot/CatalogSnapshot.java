package dev.portal.catalog.snapshot;

import dev.portal.catalog.products.CatalogItem;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable view of the catalogue; a change produces a new snapshot, so readers never see half a patch. */
record CatalogSnapshot(Map<String, CatalogItem> byEntryId, Instant loadedAt) {

    private static final Comparator<CatalogItem> ORDER = Comparator.comparing(CatalogItem::category)
            .thenComparing(CatalogItem::unitPrice).thenComparing(CatalogItem::name).thenComparing(CatalogItem::productId);

    CatalogSnapshot {
        byEntryId = Map.copyOf(byEntryId);
    }

    static CatalogSnapshot of(Collection<CatalogItem> items, Instant loadedAt) {
        Map<String, CatalogItem> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(item.pricebookEntryId(), item));
        return new CatalogSnapshot(map, loadedAt);
    }

    List<CatalogItem> items() {
        return byEntryId.values().stream().sorted(ORDER).toList();
    }

    Optional<CatalogItem> product(String productId) {
        return byEntryId.values().stream().filter(item -> item.productId().equals(productId)).min(ORDER);
    }

    /** This snapshot with the entry replaced by {@code current} (empty: the entry is gone or no longer sellable). */
    CatalogSnapshot withEntry(String entryId, List<CatalogItem> current) {
        Map<String, CatalogItem> map = new LinkedHashMap<>(byEntryId);
        map.remove(entryId);
        current.forEach(item -> map.put(item.pricebookEntryId(), item));
        return new CatalogSnapshot(map, loadedAt);
    }

    /** This snapshot with every entry of the product replaced by {@code current}. */
    CatalogSnapshot withProduct(String productId, List<CatalogItem> current) {
        Map<String, CatalogItem> map = new LinkedHashMap<>(byEntryId);
        map.values().removeIf(item -> item.productId().equals(productId));
        current.forEach(item -> map.put(item.pricebookEntryId(), item));
        return new CatalogSnapshot(map, loadedAt);
    }
}
