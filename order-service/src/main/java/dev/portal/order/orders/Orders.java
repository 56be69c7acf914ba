package dev.portal.order.orders;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The orders of the local read model, by Salesforce Order id. */
public interface Orders extends JpaRepository<Order, String> {

    /** The order with a row lock: changes to one order (checkout, change events, fulfillment reports) queue. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Order> findLockedById(String id);

    /** The order holding the Salesforce OrderItem {@code itemId}, if one does. */
    @Query(value = "select order_id from order_items where item_id = ?1 limit 1", nativeQuery = true)
    Optional<String> findOrderIdOfItem(String itemId);
}
