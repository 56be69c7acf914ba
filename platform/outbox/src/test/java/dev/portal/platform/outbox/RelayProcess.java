package dev.portal.platform.outbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A service reduced to its outbox relay, run as a separate JVM so that a test can kill it with SIGKILL. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RelayProcess {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RelayProcess.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
    }
}
