package dev.portal.sandbox.smtp;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the mail sink received, and emptying it. */
@RestController
@RequestMapping("/sandbox/admin/smtp/messages")
class SmtpAdminController {

    private final SmtpServer sink;

    SmtpAdminController(SmtpServer sink) {
        this.sink = sink;
    }

    @GetMapping
    List<SmtpServer.Message> messages(@RequestParam(required = false) String to) {
        return sink.messages(to);
    }

    @DeleteMapping
    ResponseEntity<Void> clear() {
        sink.reset();
        return ResponseEntity.noContent().build();
    }
}
