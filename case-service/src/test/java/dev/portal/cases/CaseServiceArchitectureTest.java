package dev.portal.cases;

import dev.portal.platform.test.ArchitectureConventions;

/** case-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class CaseServiceArchitectureTest extends ArchitectureConventions {
}
