package dev.portal.cases;

import dev.portal.platform.test.WithInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * case-service over real HTTP against real PostgreSQL and Kafka, Salesforce served by the in-process sandbox, callers
 * authenticated by test tokens. Every case IT carries this one annotation and nothing else that shapes the context, so
 * they all share one application context: one consumer group member, one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.clients.salesforce.http.read-timeout=5s", "portal.clients.salesforce.http.retry-backoff=10ms",
        "portal.clients.salesforce.http.breaker-open-for=1s",
        // a consumer failure is retried twice quickly, then dead-lettered
        "spring.cloud.stream.default.consumer.max-attempts=3", "spring.cloud.stream.default.consumer.back-off-initial-interval=100",
        // the per-JVM broker is new: read the case changes from its start, so no test waits for a partition assignment
        "spring.cloud.stream.kafka.bindings.caseChanges-in-0.consumer.start-offset=earliest"})
@WithInfrastructure(kafka = true, postgres = true)
@ContextConfiguration(initializers = TestEnvironment.class)
public @interface CaseServiceContext {
}
