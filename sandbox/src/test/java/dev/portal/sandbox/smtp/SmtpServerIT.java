package dev.portal.sandbox.smtp;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail sent over SMTP to the sink comes back through the admin API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sandbox.sftp.port=0", "sandbox.smtp.port=0"})
class SmtpServerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int httpPort;
    @Value("${sandbox.smtp.bound-port}")
    int smtpPort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void reset() throws Exception {
        admin("POST", "/sandbox/admin/reset");
    }

    @Test
    void a_sent_mail_is_listed_with_its_sender_recipients_subject_body_and_headers() throws Exception {
        send("noreply@portal.example", "hanako.yamada@example.jp", "ご注文を受け付けました", "山田 花子 様\nご注文ありがとうございます。");

        JsonNode messages = JSON.readTree(admin("GET", "/sandbox/admin/smtp/messages").body());

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("from").asString()).isEqualTo("noreply@portal.example");
        assertThat(message.path("to").get(0).asString()).isEqualTo("hanako.yamada@example.jp");
        assertThat(message.path("subject").asString()).isEqualTo("ご注文を受け付けました");
        assertThat(message.path("text").asString()).contains("ご注文ありがとうございます。");
        assertThat(message.path("sentDate").asString()).isNotBlank();
        assertThat(message.path("headers").path("Message-ID").get(0).asString()).isNotBlank();
    }

    @Test
    void messages_can_be_filtered_by_recipient_and_cleared() throws Exception {
        send("noreply@portal.example", "hanako.yamada@example.jp", "one", "1");
        send("noreply@portal.example", "taro.suzuki@example.jp", "two", "2");

        JsonNode toTaro = JSON.readTree(admin("GET", "/sandbox/admin/smtp/messages?to=taro.suzuki@example.jp").body());
        assertThat(toTaro.findValuesAsString("subject")).containsExactly("two");

        assertThat(admin("DELETE", "/sandbox/admin/smtp/messages").statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(admin("GET", "/sandbox/admin/smtp/messages").body())).isEmpty();
    }

    @Test
    void reset_empties_the_sink() throws Exception {
        send("noreply@portal.example", "aiko.tanaka@example.jp", "three", "3");

        admin("POST", "/sandbox/admin/reset");

        assertThat(JSON.readTree(admin("GET", "/sandbox/admin/smtp/messages").body())).isEmpty();
    }

    private void send(String from, String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.localhost", "localhost");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        Transport.send(message);
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response;
    }
}
