package dev.portal.clients.whmcs;

/**
 * CreateSsoToken. {@code destination} is e.g. {@code clientarea:invoices}, {@code clientarea:product_details} (with
 * {@code serviceId}) or {@code sso:custom_redirect} (with {@code redirectPath}); null means the client area home.
 */
public record SsoRequest(Long clientId, Long userId, String destination, Long serviceId, String redirectPath) {

    public static SsoRequest forClient(long clientId, String destination) {
        return new SsoRequest(clientId, null, destination, null, null);
    }

    public static SsoRequest forService(long clientId, long serviceId) {
        return new SsoRequest(clientId, null, "clientarea:product_details", serviceId, null);
    }

    public static SsoRequest customRedirect(long clientId, String path) {
        return new SsoRequest(clientId, null, "sso:custom_redirect", null, path);
    }
}
