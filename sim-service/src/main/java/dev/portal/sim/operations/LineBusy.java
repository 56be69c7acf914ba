package dev.portal.sim.operations;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** Freebit is still carrying out a change that locks the line (voice options, network type, eSIM reissue). */
public class LineBusy extends Conflict {

    LineBusy(String running) {
        super("line-busy", "Line busy", "The line is still processing an earlier change (" + running
                + "); try again when it is done.", Map.of("running", running));
    }
}
