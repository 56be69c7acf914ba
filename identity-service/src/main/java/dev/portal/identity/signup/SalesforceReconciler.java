package dev.portal.identity.signup;

import dev.portal.clients.support.ExternalSystemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the Salesforce Account updates that signups parked (and those a crash left between the local commit and
 * the update). The update sets the same values however often it runs, so replicas running it at once do no harm.
 * {@code portal.identity.signup.salesforce.pending} shows how many wait.
 */
@Component
public class SalesforceReconciler {

    private static final Logger log = LoggerFactory.getLogger(SalesforceReconciler.class);

    private final SignupAttempts attempts;
    private final SalesforceAccounts accounts;
    private final JdbcClient jdbc;
    private final AtomicLong pending = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    public SalesforceReconciler(SignupAttempts attempts, SalesforceAccounts accounts, JdbcClient jdbc, MeterRegistry meters) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.jdbc = jdbc;
        Gauge.builder("portal.identity.signup.salesforce.pending", pending, AtomicLong::get)
                .description("signups whose Salesforce Account update waits for reconciliation").register(meters);
    }

    @Scheduled(initialDelayString = "${portal.identity.reconcile-interval:1m}", fixedDelayString = "${portal.identity.reconcile-interval:1m}")
    public void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Salesforce reconciliation of signups failed, will retry: {}", e.toString());
        }
    }

    /** One pass; the number of Accounts updated. */
    public int reconcile() {
        int done = 0;
        for (SignupAttempt attempt : attempts.salesforcePending(clock.instant().minus(Duration.ofMinutes(1)))) {
            Instant registeredAt = jdbc.sql("select created_at from users where id = ?").param(attempt.userId())
                    .query(java.sql.Timestamp.class).single().toInstant();
            try {
                accounts.markRegistered(attempt.sfAccountId(), attempt.whmcsClientId(), registeredAt);
                attempts.completed(attempt.idempotencyKey(), clock.instant());
                log.info("signup of user {}: Salesforce Account {} updated by reconciliation", attempt.userId(), attempt.sfAccountId());
                done++;
            } catch (ExternalSystemException e) {
                attempts.salesforcePending(attempt.idempotencyKey(), e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                log.warn("signup of user {}: Salesforce Account {} still not updated: {}", attempt.userId(), attempt.sfAccountId(), e.toString());
            }
        }
        pending.set(attempts.countSalesforcePending());
        return done;
    }
}
