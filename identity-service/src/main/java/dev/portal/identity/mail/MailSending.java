package dev.portal.identity.mail;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.messaging.Message;

/**
 * Sends the mails requested on {@code portal.mail.requests} over SMTP (binding {@code mailRequests-in-0}, group
 * {@code identity-service.mail}: one instance sends each mail). The inbox records the event id in the same
 * transaction as the send, so a redelivered event is not mailed twice; a failed send rolls the record back and the
 * binding's retries (then the dead-letter topic) take over. A send that succeeded just before a failed commit is
 * mailed again: at-least-once, as SMTP offers nothing better.
 */
@Configuration(proxyBeanMethods = false)
class MailSending {

    static final String CONSUMER = "identity.mail-sender";
    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    private final JavaMailSender mail;
    private final IdentityProperties properties;

    MailSending(JavaMailSender mail, IdentityProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Bean
    Consumer<Message<byte[]>> mailRequests(EventConsumers consumers) {
        return consumers.inbox(CONSUMER, MailRequested.class, this::send);
    }

    void send(MailRequested requested, EventEnvelope envelope) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(requested.to());
        message.setSubject(requested.subject());
        message.setText(requested.text());
        mail.send(message);
        log.info("mail {} sent (event {})", requested.messageId(), envelope.id());
    }
}
