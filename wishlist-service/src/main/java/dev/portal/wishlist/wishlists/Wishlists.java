package dev.portal.wishlist.wishlists;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The wishlists; {@code save} writes a wishlist's registered events to the outbox in the same transaction. */
interface Wishlists extends JpaRepository<Wishlist, Long> {

    /** The id of the next wishlist, taken before it is created so that its first event carries it. */
    @Query(value = "select nextval('wishlist_to_groups_id_seq')", nativeQuery = true)
    long nextId();

    Optional<Wishlist> findBySlug(String slug);

    /** The wishlist, its row locked until the transaction ends: transitions on one wishlist run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Wishlist w where w.id = :id")
    Optional<Wishlist> lockById(@Param("id") long id);
}
