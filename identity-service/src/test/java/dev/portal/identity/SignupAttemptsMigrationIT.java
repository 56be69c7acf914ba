package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.signup.Registration;
import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moving to sagas loses no signup waiting for its Salesforce update: a database at version 5 with attempt rows is
 * migrated, and each attempt that created its user becomes a signup saga due on the Salesforce step.
 */
class SignupAttemptsMigrationIT {

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/platform/outbox",
            "classpath:db/platform/inbox", "classpath:db/platform/saga"};

    @Test
    void attempts_that_created_their_user_become_signup_sagas_due_on_the_salesforce_step_and_the_table_goes() {
        PostgresServer postgres = TestInfrastructure.postgres();
        DataSource database = new DriverManagerDataSource(postgres.jdbcUrl(postgres.createDatabase("signup-attempts")),
                postgres.username(), postgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        UUID parked = user(jdbc, "jiro.kobayashi@example.jp", 105, "001000000000000005");
        attempt(jdbc, "jiro.kobayashi@example.jp|SF-100005", parked, 105, "SALESFORCE_PENDING", "ExternalUnavailableException: 503");
        UUID done = user(jdbc, "aiko.tanaka@example.jp", 3, "001000000000000003");
        attempt(jdbc, "aiko.tanaka@example.jp|SF-100003", done, 3, "COMPLETED", null);
        attempt(jdbc, "someone@example.jp|SF-100006", null, null, "WHMCS_REQUESTED", null);

        Flyway.configure().dataSource(database).locations(LOCATIONS).outOfOrder(true).load().migrate();

        List<String> sagas = jdbc.sql("select business_key || ' ' || status || ' ' || current_step from saga_instances")
                .query(String.class).list();
        assertThat(sagas).containsExactly("jiro.kobayashi@example.jp|SF-100005 WAITING link-salesforce-account");
        Registration data = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readValue(jdbc.sql("select data::text from saga_instances").query(String.class).single(), Registration.class);
        assertThat(data.userId()).isEqualTo(parked);
        assertThat(data.whmcsClientId()).isEqualTo(105);
        assertThat(data.sfAccountId()).isEqualTo("001000000000000005");
        assertThat(data.registeredAt()).isNotNull();
        assertThat(jdbc.sql("select step || ' ' || status from saga_steps order by ordinal").query(String.class).list())
                .containsExactly("create-whmcs-client SUCCEEDED", "create-portal-user SUCCEEDED", "link-salesforce-account RETRYING");
        assertThat(jdbc.sql("select next_attempt_at <= now() from saga_instances").query(Boolean.class).single())
                .as("due at once").isTrue();
        assertThat(jdbc.sql("select to_regclass('signup_attempts') is null").query(Boolean.class).single()).isTrue();
    }

    private static UUID user(JdbcClient jdbc, String email, int whmcsClientId, String accountId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, 'hash', 'First', 'Last', now(), now())").params(id, email).update();
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, ?, ?, now())")
                .params(id, whmcsClientId, accountId).update();
        return id;
    }

    private static void attempt(JdbcClient jdbc, String key, UUID userId, Integer whmcsClientId, String status, String error) {
        jdbc.sql("insert into signup_attempts (idempotency_key, email, customer_number, whmcs_client_id, user_id, status, attempts,"
                        + " last_error, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")
                .params(key, key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1), whmcsClientId, userId, status,
                        error, java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()))
                .update();
    }
}
