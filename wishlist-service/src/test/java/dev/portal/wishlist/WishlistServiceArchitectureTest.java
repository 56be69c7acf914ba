package dev.portal.wishlist;

import dev.portal.platform.test.ArchitectureConventions;

/** wishlist-service has the suite's inside: features without cycles, SQL in repositories and queries, ... */
class WishlistServiceArchitectureTest extends ArchitectureConventions {
}
