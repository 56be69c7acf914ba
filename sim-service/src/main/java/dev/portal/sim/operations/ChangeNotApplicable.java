package dev.portal.sim.operations;

import dev.portal.platform.errors.RuleViolation;
import java.util.Map;

/**
 * The change does not apply to this line as it is: it already has that plan, network type or those voice options,
 * it has no voice service, or it is not an eSIM. Refused before anything is recorded or sent.
 */
public class ChangeNotApplicable extends RuleViolation {

    ChangeNotApplicable(String code, String detail) {
        super(code, "Change not applicable", detail, Map.of());
    }

    static ChangeNotApplicable unchanged(String what) {
        return new ChangeNotApplicable("change-not-needed", "The line already has " + what + ".");
    }

    static ChangeNotApplicable noVoice() {
        return new ChangeNotApplicable("voice-not-available", "The line has no voice service.");
    }

    static ChangeNotApplicable notEsim() {
        return new ChangeNotApplicable("esim-required", "Only an eSIM can be reissued; this SIM is a physical card.");
    }
}
