package dev.portal.wishlist.wishlists;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wishlist slugs: the name folded to ASCII ({@code summer-camping}), then {@code -2} to {@code -10}, then a random
 * suffix. A slug is taken under a transaction-scoped advisory lock on it, so a concurrent create waits for the
 * commit and then sees it taken, instead of failing on the unique index.
 */
@Repository
class Slugs {

    /** Advisory lock namespace of wishlist slugs ("wl" as an int). */
    private static final int LOCK_SPACE = 0x776c;
    private static final int NUMBERED = 10;
    private static final int MAX_LENGTH = 80;

    private final JdbcClient jdbc;
    private final Supplier<String> randomSuffix;

    @Autowired
    Slugs(JdbcClient jdbc) {
        this(jdbc, () -> UUID.randomUUID().toString().substring(0, 8));
    }

    Slugs(JdbcClient jdbc, Supplier<String> randomSuffix) {
        this.jdbc = jdbc;
        this.randomSuffix = randomSuffix;
    }

    /** The first free slug for {@code name}, held for the current transaction. */
    String reserve(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a slug is reserved inside the transaction that creates the wishlist");
        }
        String base = slugify(name);
        for (int n = 1; n <= NUMBERED; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (lockIfFree(candidate)) {
                return candidate;
            }
        }
        while (true) {
            String candidate = base + "-" + randomSuffix.get();
            if (lockIfFree(candidate)) {
                return candidate;
            }
        }
    }

    private boolean lockIfFree(String slug) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_SPACE, slug).query((rs, n) -> 1).single();
        // a statement of its own: under read committed it sees what a create that held the lock has committed
        return !jdbc.sql("select exists (select 1 from wishlist_to_groups where slug = ?)").param(slug).query(Boolean.class).single();
    }

    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        // names without Latin letters or digits (e.g. Japanese) still get a readable, unique slug
        return slug.isEmpty() ? "wishlist" : slug;
    }
}
