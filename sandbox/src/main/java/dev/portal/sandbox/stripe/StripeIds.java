package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Random;

/** Stripe-looking ids: a type prefix and 24 letters and digits ({@code cus_…}, {@code sub_…}, {@code evt_…}). */
@Component
class StripeIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random = new SecureRandom();

    String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
