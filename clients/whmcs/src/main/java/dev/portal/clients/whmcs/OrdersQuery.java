package dev.portal.clients.whmcs;

/** GetOrders filters and paging: by order {@code id}, by client ({@code userId}), by {@code status}; nulls filter nothing. */
public record OrdersQuery(Long id, Long userId, String status, int limitStart, int limitNum) {

    public OrdersQuery {
        if (limitStart < 0 || limitNum < 1) {
            throw new IllegalArgumentException("limitStart must be >= 0 and limitNum >= 1");
        }
    }

    public static OrdersQuery byId(long orderId) {
        return new OrdersQuery(orderId, null, null, 0, 1);
    }

    public static OrdersQuery ofClient(long clientId) {
        return new OrdersQuery(null, clientId, null, 0, 25);
    }

    public OrdersQuery page(int start, int size) {
        return new OrdersQuery(id, userId, status, start, size);
    }
}
