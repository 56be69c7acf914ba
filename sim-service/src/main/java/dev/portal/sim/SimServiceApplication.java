package dev.portal.sim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** SIM details, usage and operations through Freebit with the timing rules; call and SMS records from SFTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SimServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimServiceApplication.class, args);
    }
}
