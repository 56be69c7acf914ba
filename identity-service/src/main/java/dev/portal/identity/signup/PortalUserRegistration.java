package dev.portal.identity.signup;

import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** {@link PortalUsers} on the users table and the outbox. */
@Component
class PortalUserRegistration implements PortalUsers {

    private static final Logger log = LoggerFactory.getLogger(PortalUserRegistration.class);

    private final Users users;
    private final Outbox outbox;

    PortalUserRegistration(Users users, Outbox outbox) {
        this.users = users;
        this.outbox = outbox;
    }

    @Override
    public void register(Registration r, Instant at) {
        User user = new User(r.userId(), r.email(), r.passwordHash(), r.firstName(), r.lastName(), at, at);
        try {
            users.insert(user);
            users.insertMapping(new IdMapping(r.userId(), r.whmcsClientId(), r.sfAccountId()), at);
        } catch (DuplicateKeyException taken) {
            throw r.existingClient() ? new AlreadyLinked() : new EmailTaken();
        }
        outbox.publish(Topics.IDENTITY_USER_EVENTS, new UserRegistered(r.userId(), r.email(), r.firstName(), r.lastName(),
                r.whmcsClientId(), r.sfAccountId(), at));
        if (r.existingClient()) {
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new AccountLinked(r.userId(), r.whmcsClientId(), r.sfAccountId(), at));
        }
        log.info("user {} registered with WHMCS client {} and Account {}", r.userId(), r.whmcsClientId(), r.sfAccountId());
    }
}
