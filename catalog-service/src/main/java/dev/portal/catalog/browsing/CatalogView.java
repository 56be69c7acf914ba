package dev.portal.catalog.browsing;

import java.util.List;

/** The listing answer. */
record CatalogView(List<ProductView> products) {
}
