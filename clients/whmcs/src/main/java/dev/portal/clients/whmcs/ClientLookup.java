package dev.portal.clients.whmcs;

/** Which client GetClientsDetails reads: by id or by email address. */
public record ClientLookup(Long clientId, String email) {

    public ClientLookup {
        if ((clientId == null) == (email == null || email.isBlank())) {
            throw new IllegalArgumentException("give a client id or an email address, not both or neither");
        }
    }

    public static ClientLookup byId(long clientId) {
        return new ClientLookup(clientId, null);
    }

    public static ClientLookup byEmail(String email) {
        return new ClientLookup(null, email);
    }
}
