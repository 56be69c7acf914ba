package dev.portal.order.orders;

import dev.portal.order.config.OrderProperties;
import dev.portal.platform.security.PortalUser;
import org.springframework.stereotype.Service;

/** The caller's orders, from the local read model only: no external system is asked while a customer waits for a list. */
@Service
public class OrderHistory {

    private final OrderQueries queries;
    private final OrderProperties properties;

    OrderHistory(OrderQueries queries, OrderProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** Page {@code page} (from 1) of the caller's account's orders, newest first; {@code size} null: the default size. */
    public OrderPage list(PortalUser caller, int page, Integer size) {
        LinkedAccount account = LinkedAccount.of(caller);
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (page < 1 || pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new InvalidPage(properties.maxPageSize());
        }
        OrderQueries.Page found = queries.ofAccount(account.accountId(), page, pageSize);
        return new OrderPage(found.orders(), page, pageSize, found.total());
    }

    /** @throws OrderNotFound unless the order belongs to the caller's account */
    public OrderView show(PortalUser caller, String orderId) {
        LinkedAccount account = LinkedAccount.of(caller);
        return queries.one(account.accountId(), orderId).orElseThrow(OrderNotFound::new);
    }

    /**
     * One page of orders.
     *
     * @param page  the page number, from 1
     * @param total how many orders the account has in all
     */
    public record OrderPage(java.util.List<OrderView> orders, int page, int size, long total) {
    }
}
