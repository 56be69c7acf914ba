package dev.portal.identity.signup;

import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Instant;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** {@link PortalUsers} on the users table and the outbox. */
@Component
class PortalUserRegistration implements PortalUsers {

    /** The unique index on {@code lower(email)}: the only collision that means the email is taken. */
    static final String EMAIL_CONSTRAINT = "users_email_key";

    private static final Logger log = LoggerFactory.getLogger(PortalUserRegistration.class);

    private final Users users;
    private final OwnershipCodes ownershipCodes;
    private final Outbox outbox;

    PortalUserRegistration(Users users, OwnershipCodes ownershipCodes, Outbox outbox) {
        this.users = users;
        this.ownershipCodes = ownershipCodes;
        this.outbox = outbox;
    }

    @Override
    public void register(Registration r, Instant at) {
        User user = new User(r.userId(), r.email(), r.passwordHash(), r.firstName(), r.lastName(), at, at);
        try {
            users.insert(user);
            users.insertMapping(new IdMapping(r.userId(), r.whmcsClientId(), r.sfAccountId()), at);
        } catch (DuplicateKeyException collision) {
            String constraint = constraintOf(collision);
            if (EMAIL_CONSTRAINT.equals(constraint)) {
                throw r.existingClient() ? new AlreadyLinked() : new EmailTaken();
            }
            log.error("user {} not registered: unique constraint {} refused it (WHMCS client {}, Account {}); the portal's"
                    + " mappings and the external systems disagree", r.userId(), constraint, r.whmcsClientId(), r.sfAccountId());
            throw new RegistrationConflict(constraint);
        }
        // the customer has an account now: the ownership code that let it in has done its work
        ownershipCodes.delete(r.customerNumber());
        outbox.publish(Topics.IDENTITY_USER_EVENTS, new UserRegistered(r.userId(), r.email(), r.firstName(), r.lastName(),
                r.whmcsClientId(), r.sfAccountId(), at));
        if (r.existingClient()) {
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new AccountLinked(r.userId(), r.whmcsClientId(), r.sfAccountId(), at));
        }
        log.info("user {} registered with WHMCS client {} and Account {}", r.userId(), r.whmcsClientId(), r.sfAccountId());
    }

    /** The name of the unique constraint PostgreSQL reported, or {@code unknown}. */
    static String constraintOf(DuplicateKeyException collision) {
        for (Throwable cause = collision; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return "unknown";
    }
}
