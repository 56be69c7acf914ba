package dev.portal.order;

import dev.portal.platform.test.ArchitectureConventions;

/** order-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class OrderServiceArchitectureTest extends ArchitectureConventions {
}
