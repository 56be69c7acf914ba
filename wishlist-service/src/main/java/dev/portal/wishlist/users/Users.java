package dev.portal.wishlist.users;

import dev.portal.platform.security.PortalUser;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Portal users as local rows, so that memberships, wishlists and the audit log can reference a {@code users.id}: every
 * user identity-service registered ({@link PortalUsersConsumer}), and every caller on first sight (a valid token is
 * proof enough). Only these can be made members of a group. Identity-service stays the owner of the user itself.
 */
@Repository
public class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The local id of the caller, created when this is the caller's first request. */
    public long idOf(PortalUser user) {
        return idOf(user.id(), user.email());
    }

    /** The local id of a portal user, created when unknown: only for a user a token or identity vouches for. */
    long idOf(String portalUserId, String email) {
        Optional<Long> existing = find(portalUserId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into users (portal_user_id, email) values (?, ?) on conflict (portal_user_id) do nothing")
                .params(portalUserId, email).update();
        return find(portalUserId).orElseThrow();
    }

    /** A user identity-service registered; an existing row (first seen with a token) is kept as it is. */
    void registered(String portalUserId, String email) {
        jdbc.sql("insert into users (portal_user_id, email) values (?, ?) on conflict (portal_user_id) do nothing")
                .params(portalUserId, email).update();
    }

    /** Locks the user's row until the transaction ends: per-user limits are counted and changed under it. */
    public void lock(long id) {
        jdbc.sql("select id from users where id = ? for update").param(id).query(Long.class).single();
    }

    public Optional<Long> find(String portalUserId) {
        return jdbc.sql("select id from users where portal_user_id = ?").param(portalUserId).query(Long.class).optional();
    }

    public Optional<String> portalId(long id) {
        return jdbc.sql("select portal_user_id from users where id = ?").param(id).query(String.class).optional();
    }
}
