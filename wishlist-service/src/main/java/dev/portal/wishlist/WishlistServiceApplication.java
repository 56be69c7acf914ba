package dev.portal.wishlist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Wishlist groups: Stripe subscription checks, quotas, group membership, temporary wishlist conversion, audit trail. */
@SpringBootApplication
public class WishlistServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WishlistServiceApplication.class, args);
    }
}
