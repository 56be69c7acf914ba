package dev.portal.sim.freebit;

/**
 * Freebit's refusals as reasons a customer can read. The codes are the sandbox's (Freebit's list is not public, see
 * docs/sandbox/freebit.md); an unknown code gets a generic reason, and the vendor's own message is only logged.
 */
final class FreebitReasons {

    private FreebitReasons() {
    }

    static String of(String resultCode) {
        return switch (resultCode) {
            case "211" -> "Freebit refused the request as invalid.";
            case "220" -> "Freebit does not know this line.";
            case "221" -> "The line is cancelled.";
            case "230" -> "The line is still processing an earlier change; try again when it is done.";
            case "231" -> "Freebit requires 30 minutes between plan, voice option and network type changes.";
            case "232" -> "A plan change or cancellation is already reserved for this line.";
            case "240" -> "This change does not apply to this line.";
            case "400" -> "Freebit does not support this eSIM request.";
            default -> "Freebit refused the request (code " + resultCode + ").";
        };
    }
}
