package dev.portal.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portal.gateway.config.GatewayProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets per key (client address or user id), in memory: each gateway instance limits on its own, so with
 * N instances behind a balancer a client gets up to N times the rate. That is acceptable for these coarse abuse
 * limits; the exact ones (password reset, login) are enforced across replicas by identity-service.
 */
final class RequestBuckets {

    private final GatewayProperties.Limit limit;
    private final Cache<String, Bucket> buckets;

    RequestBuckets(GatewayProperties.Limit limit, long maxKeys) {
        this.limit = limit;
        // a bucket idle for a whole period is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(limit.period()).build();
    }

    /** Takes one token for {@code key}; empty when allowed, else how long until the next one. */
    Duration tryTake(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
