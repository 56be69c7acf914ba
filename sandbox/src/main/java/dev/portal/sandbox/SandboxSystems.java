package dev.portal.sandbox;

import java.util.List;
import java.util.Optional;

/** The simulated systems, by the path prefix each is served under. */
public final class SandboxSystems {

    public static final String WHMCS = "whmcs";
    public static final String SALESFORCE = "salesforce";
    public static final String FREEBIT = "freebit";
    public static final String STRIPE = "stripe";
    public static final String SFTP = "sftp";
    public static final String SMTP = "smtp";

    public static final List<String> ALL = List.of(WHMCS, SALESFORCE, FREEBIT, STRIPE, SFTP, SMTP);

    private SandboxSystems() {
    }

    /** The HTTP-served system a request path belongs to: {@code /whmcs/includes/api.php} is {@code whmcs}. */
    public static Optional<String> ofPath(String path) {
        for (String system : List.of(WHMCS, SALESFORCE, FREEBIT, STRIPE)) {
            if (path.startsWith("/" + system + "/")) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }
}
