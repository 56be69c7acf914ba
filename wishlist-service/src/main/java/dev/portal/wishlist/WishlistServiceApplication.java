package dev.portal.wishlist;

import dev.portal.wishlist.config.WishlistProperties;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Wishlist groups: Stripe subscription checks, quotas, group membership, temporary wishlist conversion, audit trail. */
@SpringBootApplication
@EnableConfigurationProperties(WishlistProperties.class)
public class WishlistServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WishlistServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
