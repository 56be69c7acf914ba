package dev.portal.order.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The checkouts, one per (user, Idempotency-Key). Every change is one conditional statement, so that two requests with
 * the same key cannot both hold a checkout: the insert wins once, a take-over names the attempt it replaces, and only
 * the holding attempt may finish or give up.
 */
@Repository
class Checkouts {

    private final JdbcClient jdbc;

    Checkouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new checkout unless the user used the key already; returns whether this one was recorded. */
    boolean insert(Checkout checkout) {
        return jdbc.sql("""
                        insert into checkouts (id, user_id, idempotency_key, request_hash, status, attempt, lease_until, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (user_id, idempotency_key) do nothing""")
                .params(checkout.id(), checkout.userId(), checkout.idempotencyKey(), checkout.requestHash(),
                        checkout.status().name(), checkout.attempt(), Timestamp.from(checkout.leaseUntil()),
                        Timestamp.from(checkout.createdAt()))
                .update() == 1;
    }

    Optional<Checkout> find(UUID userId, String idempotencyKey) {
        return jdbc.sql("select * from checkouts where user_id = ? and idempotency_key = ?")
                .params(userId, idempotencyKey).query(Checkouts::row).optional();
    }

    Optional<Checkout> findById(UUID id) {
        return jdbc.sql("select * from checkouts where id = ?").param(id).query(Checkouts::row).optional();
    }

    /**
     * Starts attempt {@code expired.attempt() + 1} of a checkout whose lease ran out, unless another request did first.
     */
    boolean takeOver(Checkout expired, Instant leaseUntil, Instant now) {
        return jdbc.sql("""
                        update checkouts set attempt = attempt + 1, status = 'IN_FLIGHT', lease_until = ?
                        where id = ? and attempt = ? and status <> 'COMPLETED' and lease_until <= ?""")
                .params(Timestamp.from(leaseUntil), expired.id(), expired.attempt(), Timestamp.from(now))
                .update() == 1;
    }

    /** The attempt sent the order but does not know whether Salesforce created it; no new order before {@code until}. */
    void inDoubt(Checkout checkout, Instant until) {
        jdbc.sql("update checkouts set status = 'IN_DOUBT', lease_until = ? where id = ? and attempt = ? and status = 'IN_FLIGHT'")
                .params(Timestamp.from(until), checkout.id(), checkout.attempt())
                .update();
    }

    /** Records the order and the answer; false when the checkout was completed already (by another attempt). */
    boolean complete(UUID id, String orderId, String response) {
        return jdbc.sql("update checkouts set status = 'COMPLETED', order_id = ?, response = ? where id = ? and status <> 'COMPLETED'")
                .params(orderId, response, id)
                .update() == 1;
    }

    /** Forgets a checkout that created nothing, so that the key can be used again (after the refusal's cause is fixed). */
    void release(Checkout checkout) {
        jdbc.sql("delete from checkouts where id = ? and attempt = ? and status <> 'COMPLETED'")
                .params(checkout.id(), checkout.attempt())
                .update();
    }

    /** Forgets the checkouts started before {@code before}; returns how many. */
    int purge(Instant before) {
        return jdbc.sql("delete from checkouts where created_at < ?").param(Timestamp.from(before)).update();
    }

    private static Checkout row(ResultSet rs, int row) throws SQLException {
        return new Checkout(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("idempotency_key"),
                rs.getString("request_hash"), Checkout.Status.valueOf(rs.getString("status")), rs.getInt("attempt"),
                rs.getTimestamp("lease_until").toInstant(), rs.getString("order_id"), rs.getString("response"),
                rs.getTimestamp("created_at").toInstant());
    }
}
