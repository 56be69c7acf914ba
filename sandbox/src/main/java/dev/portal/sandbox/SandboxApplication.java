package dev.portal.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Simulators of WHMCS, Salesforce (REST, OAuth, CometD), Freebit, Stripe, SFTP and SMTP, with seeded data, an admin API and fault injection. */
@SpringBootApplication
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
