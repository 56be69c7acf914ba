package dev.portal.sim;

import dev.portal.platform.test.ArchitectureConventions;

/** sim-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class SimServiceArchitectureTest extends ArchitectureConventions {
}
