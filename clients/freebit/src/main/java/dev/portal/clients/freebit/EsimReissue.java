package dev.portal.clients.freebit;

import java.util.Objects;

/** An eSIM reissue (PA05-41, {@code addKind "R"}) onto the device {@code newEid}, naming the profile it replaces. */
public record EsimReissue(String account, String newEid, String oldProductNumber, String oldEid) {

    public EsimReissue {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(newEid, "newEid");
    }
}
