package dev.portal.platform.test.architecture.broken.cycles.b;

import dev.portal.platform.test.architecture.broken.cycles.a.Alpha;

/** ... and feature b calls feature a back: a cycle. */
public class Beta {

    public String name(Alpha alpha) {
        return alpha.name(this);
    }
}
