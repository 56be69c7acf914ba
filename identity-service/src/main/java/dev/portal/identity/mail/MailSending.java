package dev.portal.identity.mail;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the mails requested on {@code portal.mail.requests} over SMTP. The inbox records the event id in the same
 * transaction as the send, so a redelivered event is not mailed twice; a failed send rolls the record back and
 * the listener's retries (then the dead-letter topic) take over. A send that succeeded just before a failed
 * commit is mailed again: at-least-once, as SMTP offers nothing better.
 */
@Component
class MailSending {

    static final String CONSUMER = "identity.mail-sender";
    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    private final JavaMailSender mail;
    private final Inbox inbox;
    private final EventCodec codec;
    private final IdentityProperties properties;

    MailSending(JavaMailSender mail, Inbox inbox, EventCodec codec, IdentityProperties properties) {
        this.mail = mail;
        this.inbox = inbox;
        this.codec = codec;
        this.properties = properties;
    }

    @KafkaListener(id = "identity-mail-sender", groupId = "identity-service.mail", topics = "portal.mail.requests")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        MailRequested requested = codec.deserialize(envelope, MailRequested.class);
        boolean sent = inbox.receive(CONSUMER, envelope, () -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(requested.to());
            message.setSubject(requested.subject());
            message.setText(requested.text());
            mail.send(message);
        });
        if (sent) {
            log.info("mail {} sent", requested.messageId());
        }
    }
}
