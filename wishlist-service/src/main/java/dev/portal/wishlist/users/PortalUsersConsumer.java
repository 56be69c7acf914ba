package dev.portal.wishlist.users;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps {@link Users} knowing every portal user identity-service registered (binding {@code portalUsers-in-0} on
 * {@code identity.user.events}, a shared group reading from the topic's start the first time), so that a group's
 * owner can add a member who has not used the wishlists yet, and never an id no one has. Through the inbox, once per
 * event; the topic's other types are skipped.
 */
@Configuration(proxyBeanMethods = false)
class PortalUsersConsumer {

    private static final Logger log = LoggerFactory.getLogger(PortalUsersConsumer.class);

    private final Users users;

    PortalUsersConsumer(Users users) {
        this.users = users;
    }

    @Bean
    Consumer<Message<byte[]>> portalUsers(EventConsumers consumers) {
        return consumers.inbox("wishlist.portal-users", UserRegistered.class, this::apply).ignoringOtherTypes();
    }

    void apply(UserRegistered event, EventEnvelope envelope) {
        if (event.userId() == null) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type() + ") names no user");
        }
        users.registered(event.userId().toString(), event.email());
        log.info("portal user {} known (event {})", event.userId(), envelope.id());
    }
}
