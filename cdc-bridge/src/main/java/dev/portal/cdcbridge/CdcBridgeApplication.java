package dev.portal.cdcbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Salesforce Change Data Capture over CometD to Kafka, with durable replay checkpoints. */
@SpringBootApplication
public class CdcBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdcBridgeApplication.class, args);
    }
}
