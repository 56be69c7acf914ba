package dev.portal.fulfillment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The fulfillment saga, triggered by Salesforce Order change events: WHMCS order, Freebit activation, Salesforce update, notification. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FulfillmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FulfillmentServiceApplication.class, args);
    }
}
