package dev.portal.clients.whmcs;

import java.util.List;

/** One page of GetClientsProducts. */
public record ServicesPage(int totalResults, int startNumber, int numReturned, List<ClientService> services) {

    public ServicesPage {
        services = List.copyOf(services);
    }
}
