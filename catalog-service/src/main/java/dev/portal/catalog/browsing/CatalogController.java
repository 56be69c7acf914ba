package dev.portal.catalog.browsing;

import dev.portal.catalog.snapshot.CatalogTimeout;
import dev.portal.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalog} and {@code GET /api/catalog/products/{id}}: what the calling customer may buy. */
@RestController
@Tag(name = "catalog", description = "Products the calling customer may buy, from the portal price book")
class CatalogController {

    private final CatalogQueries queries;

    CatalogController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/catalog")
    @Operation(summary = "List the products the caller may buy",
            description = "Ordered by category, price, name. Family plans only for callers with an active SIM. "
                    + "Problems: 400 invalid-category, 503 catalog-unavailable, 504 catalog-timeout.")
    CatalogView list(@Parameter(description = "internet, sim or vpn (case-insensitive)") @RequestParam(required = false) String category) {
        return inTime(() -> new CatalogView(queries.list(category).stream().map(ProductView::of).toList()));
    }

    @GetMapping("/api/catalog/products/{id}")
    @Operation(summary = "One product by its Salesforce Product2 id",
            description = "Problems: 404 product-not-found (also for a family plan the caller may not see), "
                    + "503 catalog-unavailable, 504 catalog-timeout.")
    ProductView product(@PathVariable String id) {
        return inTime(() -> ProductView.of(queries.product(id)));
    }

    // No domain category means "a source did not answer in time"; in HTTP that is a gateway timeout.
    private static <T> T inTime(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (CatalogTimeout timeout) {
            throw new ProblemException(HttpStatus.GATEWAY_TIMEOUT, timeout.code(), timeout.title(), timeout.getMessage());
        }
    }
}
