package dev.portal.clients.whmcs;

/** GetClientsProducts filters (null = any) and paging (WHMCS defaults: start 0, 25 per page). */
public record ServicesQuery(Long clientId, Long serviceId, Long pid, String domain, int limitStart, int limitNum) {

    public ServicesQuery {
        if (limitStart < 0 || limitNum < 1) {
            throw new IllegalArgumentException("limitStart must be >= 0 and limitNum >= 1");
        }
    }

    public static ServicesQuery ofClient(long clientId) {
        return new ServicesQuery(clientId, null, null, null, 0, 25);
    }

    public static ServicesQuery ofService(long serviceId) {
        return new ServicesQuery(null, serviceId, null, null, 0, 25);
    }

    public ServicesQuery page(int start, int size) {
        return new ServicesQuery(clientId, serviceId, pid, domain, start, size);
    }
}
