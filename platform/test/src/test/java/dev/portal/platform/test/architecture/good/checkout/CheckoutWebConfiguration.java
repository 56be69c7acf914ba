package dev.portal.platform.test.architecture.good.checkout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** Web configuration that lives with its feature may name statuses too (here: what an empty cart answers). */
@Configuration(proxyBeanMethods = false)
class CheckoutWebConfiguration {

    @Bean
    HttpStatus emptyCartStatus() {
        return HttpStatus.NO_CONTENT;
    }
}
