package dev.portal.sandbox.freebit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The authKeys {@code authOem} has issued, each accepted until its expiry on the {@link FreebitClock}. */
@Component
class FreebitAuthKeys {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final FreebitClock clock;
    private final FreebitSettings settings;

    @Autowired
    FreebitAuthKeys(FreebitTime time, FreebitSettings settings) {
        this(time.clock(), settings);
    }

    FreebitAuthKeys(FreebitClock clock, FreebitSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    String issue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        expiries.put(key, clock.instant().plus(settings.authKeyLifetime()));
        return key;
    }

    boolean valid(String key) {
        if (key == null) {
            return false;
        }
        Instant expiry = expiries.get(key);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(key, expiry);
            return false;
        }
        return true;
    }

    int expireAll() {
        int count = expiries.size();
        expiries.clear();
        return count;
    }
}
