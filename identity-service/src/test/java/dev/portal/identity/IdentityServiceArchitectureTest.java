package dev.portal.identity;

import dev.portal.platform.test.ArchitectureConventions;

/** identity-service has the suite's inside: features without cycles, SQL in repositories, no system clock outside config, ... */
class IdentityServiceArchitectureTest extends ArchitectureConventions {
}
