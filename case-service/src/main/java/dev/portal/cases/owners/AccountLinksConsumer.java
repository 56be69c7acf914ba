package dev.portal.cases.owners;

import dev.portal.clients.salesforce.SalesforceId;
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
 * Keeps {@link AccountUsers} from identity's events (binding {@code accountLinks-in-0} on {@code identity.user.events},
 * a shared group reading from the topic's start the first time): a user registered with, or linked to, an Account
 * is one of its users. Through the inbox, once per event; the topic's other types are skipped.
 */
@Configuration(proxyBeanMethods = false)
class AccountLinksConsumer {

    private static final Logger log = LoggerFactory.getLogger(AccountLinksConsumer.class);

    private final AccountUsers accountUsers;

    AccountLinksConsumer(AccountUsers accountUsers) {
        this.accountUsers = accountUsers;
    }

    @Bean
    Consumer<Message<byte[]>> accountLinks(EventConsumers consumers) {
        return consumers.inbox("case.account-users", IdentityEvent.class, this::apply).ignoringOtherTypes();
    }

    void apply(IdentityEvent event, EventEnvelope envelope) {
        if (event.userId() == null || event.at() == null) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type() + ") has no user or no time");
        }
        SalesforceId account = SalesforceId.parse(event.sfAccountId(), "001").orElseThrow(() -> new MalformedEventException(
                "event " + envelope.id() + " (" + envelope.type() + ") does not name a Salesforce Account"));
        accountUsers.link(account, event.userId(), event.at());
        log.info("user {} is a portal user of account {} ({})", event.userId(), account, envelope.type());
    }
}
