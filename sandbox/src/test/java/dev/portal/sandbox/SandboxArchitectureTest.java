package dev.portal.sandbox;

import dev.portal.platform.test.ArchitectureConventions;

/** The suite's inside rules on the simulators: no cycles between their packages, time only from the injected clock, ... */
class SandboxArchitectureTest extends ArchitectureConventions {
}
