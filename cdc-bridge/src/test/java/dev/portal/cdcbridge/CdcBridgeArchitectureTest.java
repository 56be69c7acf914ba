package dev.portal.cdcbridge;

import dev.portal.platform.test.ArchitectureConventions;

/** The suite's inside rules on the bridge: no cycles between its feature packages, time only from the injected clock, ... */
class CdcBridgeArchitectureTest extends ArchitectureConventions {
}
