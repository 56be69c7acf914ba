package dev.portal.identity.mail;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.util.UUID;

/** A plain-text mail to send; key: the message id. Published through the outbox, sent by {@link MailSending}. */
@EventType("portal.mail.requested.v1")
public record MailRequested(UUID messageId, String to, String subject, String text) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }

    @Override
    public String toString() {
        // the text may hold a reset link: never in logs
        return "MailRequested[" + messageId + "]";
    }
}
