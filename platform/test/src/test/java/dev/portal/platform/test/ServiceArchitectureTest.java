package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it, naming the culprit, and passes on the well-shaped fixture service. */
class ServiceArchitectureTest {

    static final String FIXTURES = "dev.portal.platform.test.architecture";
    static final String GOOD = FIXTURES + ".good";
    static final JavaClasses GOOD_CLASSES = fixture(GOOD);

    @Test
    void a_cycle_between_two_features_fails_the_cycle_rule() {
        String base = FIXTURES + ".broken.cycles";

        assertThatThrownBy(() -> ServiceArchitecture.noCyclesBetweenFeatures(base).check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected").hasMessageContaining("feature a").hasMessageContaining("feature b");
        passesOnTheGoodService(ServiceArchitecture.noCyclesBetweenFeatures(GOOD));
    }

    @Test
    void sql_in_an_application_service_fails_the_repository_rule() {
        String base = FIXTURES + ".broken.sql";

        assertThatThrownBy(() -> ServiceArchitecture.sqlOnlyInRepositories(base).check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("InvoiceReminders").hasMessageContaining("JdbcClient");
        passesOnTheGoodService(ServiceArchitecture.sqlOnlyInRepositories(GOOD));
    }

    @Test
    void an_entity_returned_or_accepted_by_a_handler_fails_the_controller_rule() {
        String base = FIXTURES + ".broken.entities";

        assertThatThrownBy(() -> ServiceArchitecture.controllersNeverExposeEntities().check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderController.latest()").hasMessageContaining("OrderController.saveAll(java.util.List)")
                .hasMessageContaining("the JPA entity " + base + ".order.Order");
        passesOnTheGoodService(ServiceArchitecture.controllersNeverExposeEntities());
    }

    @Test
    void reading_the_system_clock_outside_config_fails_the_clock_rule() {
        String base = FIXTURES + ".broken.clock";

        assertThatThrownBy(() -> ServiceArchitecture.timeOnlyFromTheInjectedClock(base).check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReminderSchedule.next()").hasMessageContaining("Instant.now()")
                .hasMessageContaining("LocalDate.now(java.time.ZoneId)")
                .hasMessageContaining("Clock.systemUTC()")
                .hasMessageContaining("ReminderSchedule.source()");
        passesOnTheGoodService(ServiceArchitecture.timeOnlyFromTheInjectedClock(GOOD));
    }

    @Test
    void an_http_status_chosen_in_an_application_service_fails_the_edge_rule() {
        String base = FIXTURES + ".broken.http";

        assertThatThrownBy(() -> ServiceArchitecture.httpStatusesOnlyAtTheEdge(base).check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SubmitOrder").hasMessageContaining("ResponseStatusException")
                .hasMessageContaining("HttpStatus.CONFLICT");
        passesOnTheGoodService(ServiceArchitecture.httpStatusesOnlyAtTheEdge(GOOD));
    }

    @Test
    void a_kafka_listener_fails_the_consumer_rule() {
        String base = FIXTURES + ".broken.kafka";

        assertThatThrownBy(() -> ServiceArchitecture.consumersOnlyThroughSpringCloudStream().check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MailSending.onEvent([B)").hasMessageContaining("KafkaListener");
        passesOnTheGoodService(ServiceArchitecture.consumersOnlyThroughSpringCloudStream());
    }

    @Test
    void a_hand_made_kafka_consumer_fails_the_consumer_rule() {
        String base = FIXTURES + ".broken.kafka";

        assertThatThrownBy(() -> ServiceArchitecture.noHandMadeConsumers().check(fixture(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RevocationListener.consumer(java.lang.String)").hasMessageContaining("KafkaConsumer.<init>");
        passesOnTheGoodService(ServiceArchitecture.noHandMadeConsumers());
    }

    @Test
    void every_rule_passes_on_the_well_shaped_service() {
        ServiceArchitecture.all(GOOD).forEach(ServiceArchitectureTest::passesOnTheGoodService);
    }

    private static void passesOnTheGoodService(ArchRule rule) {
        assertThatCode(() -> rule.check(GOOD_CLASSES)).as(rule.getDescription()).doesNotThrowAnyException();
    }

    /** Fixtures are test classes, so they are imported without the main-classes-only filter the conventions use. */
    static JavaClasses fixture(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }
}
