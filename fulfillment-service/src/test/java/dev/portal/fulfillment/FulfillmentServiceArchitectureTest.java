package dev.portal.fulfillment;

import dev.portal.platform.test.ArchitectureConventions;

/** fulfillment-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class FulfillmentServiceArchitectureTest extends ArchitectureConventions {
}
