package dev.portal.sandbox.smtp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The mail sink.
 *
 * @param port         SMTP port on 127.0.0.1 (0: a free port; the bound one is published as
 *                     {@code sandbox.smtp.bound-port})
 * @param portFallback when {@code port} is taken, bind a free port instead of failing start-up (and log it)
 */
@Validated
@ConfigurationProperties("sandbox.smtp")
record SmtpSettings(@Min(0) @Max(65535) Integer port, Boolean portFallback) {

    SmtpSettings {
        port = port != null ? port : 2525;
        portFallback = portFallback != null ? portFallback : Boolean.FALSE;
    }
}
