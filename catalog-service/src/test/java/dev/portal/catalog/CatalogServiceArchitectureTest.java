package dev.portal.catalog;

import dev.portal.platform.test.ArchitectureConventions;

/** catalog-service keeps the suite's inside: features without cycles, time from the clock, HTTP only at the edge, one way to consume. */
class CatalogServiceArchitectureTest extends ArchitectureConventions {
}
