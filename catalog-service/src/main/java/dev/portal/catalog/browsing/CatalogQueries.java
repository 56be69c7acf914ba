package dev.portal.catalog.browsing;

import dev.portal.catalog.eligibility.SimSubscriptions;
import dev.portal.catalog.products.CatalogItem;
import dev.portal.catalog.products.Category;
import dev.portal.catalog.snapshot.CatalogCache;
import dev.portal.platform.security.CurrentUser;
import dev.portal.platform.security.PortalUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What the caller may see: the cached catalogue, filtered by category and by family-plan eligibility. */
@Service
class CatalogQueries {

    private final CatalogCache cache;
    private final SimSubscriptions sims;
    private final CurrentUser currentUser;

    CatalogQueries(CatalogCache cache, SimSubscriptions sims, CurrentUser currentUser) {
        this.cache = cache;
        this.sims = sims;
        this.currentUser = currentUser;
    }

    List<CatalogItem> list(String categoryParameter) {
        Optional<Category> category = categoryParameter == null ? Optional.empty() : Optional.of(Category.fromParameter(categoryParameter)
                .orElseThrow(InvalidCategory::new));
        List<CatalogItem> items = cache.items();
        Predicate<CatalogItem> visible = visibleTo(items);
        return items.stream().filter(item -> category.map(c -> item.category() == c).orElse(true)).filter(visible).toList();
    }

    CatalogItem product(String productId) {
        return cache.product(productId).filter(item -> visibleTo(List.of(item)).test(item))
                .orElseThrow(ProductNotFound::new);
    }

    // Family plans only for callers with an active SIM; WHMCS is asked only when there is a family plan to show.
    private Predicate<CatalogItem> visibleTo(List<CatalogItem> items) {
        if (items.stream().noneMatch(CatalogItem::familyPlan)) {
            return item -> true;
        }
        PortalUser user = currentUser.get();
        Set<Long> simProducts = cache.items().stream().filter(item -> item.category() == Category.SIM)
                .map(CatalogItem::whmcsProductId).filter(Objects::nonNull).collect(Collectors.toSet());
        boolean simHolder = user.whmcsClientId().map(id -> sims.hasActiveSim(id, simProducts)).orElse(false);
        return item -> !item.familyPlan() || simHolder;
    }
}
