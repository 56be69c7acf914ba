package dev.portal.sandbox.smtp;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server on loopback that accepts any sender and recipient and keeps every message for the admin API.
 * Nothing is delivered anywhere.
 */
@Component
@EnableConfigurationProperties(SmtpSettings.class)
class SmtpServer implements SmartLifecycle, SeededState {

    static final String BOUND_PORT = "sandbox.smtp.bound-port";
    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    /** A received message as the admin API shows it. */
    record Message(String from, List<String> to, List<String> cc, String subject, Instant sentDate, String text,
                   Map<String, List<String>> headers) {
    }

    private final SmtpSettings settings;
    private final ConfigurableEnvironment environment;
    private volatile GreenMail mail;

    SmtpServer(SmtpSettings settings, ConfigurableEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public String system() {
        return SandboxSystems.SMTP;
    }

    @Override
    public void reset() {
        GreenMail running = mail;
        if (running != null) {
            try {
                running.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("mail sink could not be emptied", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (mail != null) {
            return;
        }
        int port = settings.port();
        if (port == 0 || (settings.portFallback() && !free(port))) {
            if (port != 0) {
                log.warn("SMTP port {} is taken; the mail sink listens on a free port instead (see {})", port, BOUND_PORT);
            }
            port = freePort();
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        mail = greenMail;
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-smtp", Map.of(BOUND_PORT, port)));
        log.info("SMTP sink on 127.0.0.1:{}", port);
    }

    @Override
    public synchronized void stop() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    @Override
    public boolean isRunning() {
        return mail != null && mail.isRunning();
    }

    /** Every message received since the last reset, oldest first; only those to {@code to} when given. */
    List<Message> messages(String to) {
        GreenMail running = mail;
        if (running == null) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        for (MimeMessage message : running.getReceivedMessages()) {
            try {
                Message m = describe(message);
                if (to == null || m.to().stream().anyMatch(address -> address.equalsIgnoreCase(to))
                        || m.cc().stream().anyMatch(address -> address.equalsIgnoreCase(to))) {
                    messages.add(m);
                }
            } catch (MessagingException | IOException e) {
                log.warn("unreadable message in the mail sink: {}", e.toString());
            }
        }
        return messages;
    }

    private static Message describe(MimeMessage message) throws MessagingException, IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return new Message(addresses(message.getFrom()).stream().findFirst().orElse(null),
                addresses(message.getRecipients(jakarta.mail.Message.RecipientType.TO)),
                addresses(message.getRecipients(jakarta.mail.Message.RecipientType.CC)),
                message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                text(message), headers);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString()).toList();
    }

    /** The first text/plain part (or text/html when there is no plain one). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return normalize(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null && !child.isMimeType("text/html")) {
                    return text;
                }
                html = html == null ? text : html;
            }
            return html;
        }
        if (part.isMimeType("text/*")) {
            return normalize(part.getContent().toString());
        }
        return null;
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
