package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

/** ValidateLogin succeeded: the user and whether it must pass a second factor. */
public record LoginResult(long userid, String passwordhash,
                          @JsonProperty("twoFactorEnabled") @JsonDeserialize(using = WhmcsValues.Flag.class) Boolean twoFactorEnabled) {

    @Override
    public String toString() {
        return "LoginResult[userid=" + userid + ", twoFactorEnabled=" + twoFactorEnabled + ", passwordhash=(hidden)]";
    }
}
