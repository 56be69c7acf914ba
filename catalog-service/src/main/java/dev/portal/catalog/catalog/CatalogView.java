package dev.portal.catalog.catalog;

import java.util.List;

/** The listing answer. */
record CatalogView(List<ProductView> products) {
}
