package dev.portal.platform.test.architecture.broken.kafka.mail;

import org.springframework.kafka.annotation.KafkaListener;

/** A consumer on spring-kafka's listener annotation instead of a Spring Cloud Stream binding. */
public class MailSending {

    @KafkaListener(topics = "identity.user.events", groupId = "identity-mail")
    public void onEvent(byte[] event) {
        event.clone();
    }
}
