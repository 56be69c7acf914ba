package dev.portal.platform.test.architecture.broken.cycles.a;

import dev.portal.platform.test.architecture.broken.cycles.b.Beta;

/** Feature a calls feature b ... */
public class Alpha {

    public String name(Beta beta) {
        return "alpha of " + beta;
    }
}
