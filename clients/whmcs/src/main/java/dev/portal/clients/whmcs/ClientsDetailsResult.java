package dev.portal.clients.whmcs;

/** GetClientsDetails: the client and, when asked for, its statistics (null otherwise). */
public record ClientsDetailsResult(ClientDetails client, ClientStats stats) {
}
