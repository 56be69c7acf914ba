package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;

/** A single-use sign-on link, valid for at most 60 seconds: send the browser to {@code redirectUrl}. */
public record SsoToken(@JsonProperty("access_token") String accessToken, @JsonProperty("redirect_url") URI redirectUrl) {

    @Override
    public String toString() {
        return "SsoToken[(hidden)]";
    }
}
