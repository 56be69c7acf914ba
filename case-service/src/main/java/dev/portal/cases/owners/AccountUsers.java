package dev.portal.cases.owners;

import dev.portal.clients.salesforce.SalesforceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal users of each Salesforce Account (table {@code account_users}), as identity announced them. */
@Repository
public class AccountUsers {

    private final JdbcClient jdbc;

    AccountUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users of {@code account}, in the order they were linked. */
    public List<UUID> of(SalesforceId account) {
        return jdbc.sql("select user_id from account_users where account_id = :account order by linked_at, user_id")
                .param("account", account.value()).query(UUID.class).list();
    }

    /** Records that {@code user} belongs to {@code account}; linking twice changes nothing. */
    void link(SalesforceId account, UUID user, Instant at) {
        jdbc.sql("insert into account_users (account_id, user_id, linked_at) values (:account, :user, :at) on conflict do nothing")
                .param("account", account.value()).param("user", user).param("at", Timestamp.from(at)).update();
    }
}
