package dev.portal.billing;

import dev.portal.platform.test.ArchitectureConventions;

/** billing-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class BillingServiceArchitectureTest extends ArchitectureConventions {
}
