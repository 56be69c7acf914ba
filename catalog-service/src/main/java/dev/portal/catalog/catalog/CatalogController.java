package dev.portal.catalog.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalog} and {@code GET /api/catalog/products/{id}}: what the calling customer may buy. */
@RestController
class CatalogController {

    private final CatalogQueries queries;

    CatalogController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/catalog")
    CatalogView list(@RequestParam(required = false) String category) {
        List<ProductView> products = queries.list(category).stream().map(ProductView::of).toList();
        return new CatalogView(products);
    }

    @GetMapping("/api/catalog/products/{id}")
    ProductView product(@PathVariable String id) {
        return ProductView.of(queries.product(id));
    }
}
