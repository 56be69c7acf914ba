package dev.portal.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Simulators of WHMCS, Salesforce (REST, OAuth, CometD), Freebit, Stripe, SFTP and SMTP, with seeded data, an admin API and fault injection.
 * <p>
 * Embedded in a service's tests, the sandbox shares that service's classpath; the security that service brings
 * (Spring Security, platform-security) must not lock the simulators, which answer with their own vendor-style
 * credentials checks.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "dev.portal.platform.security.PortalSecurityAutoConfiguration"})
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
