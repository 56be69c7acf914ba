package dev.portal.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TcpProxy;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose database is away at start-up starts anyway, reports it in readiness (not liveness), and
 * migrates and turns ready once the database answers, without a restart.
 */
@SpringBootTest(classes = UnreachableDatabaseIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=unreachable-db-it")
class UnreachableDatabaseIT {

    static final PostgresServer POSTGRES = TestInfrastructure.postgres();
    static final String DATABASE = POSTGRES.createDatabase("unreachable_db_it");
    static final TcpProxy PROXY = TcpProxy.to(POSTGRES.host(), POSTGRES.port());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PROXY.port() + "/" + DATABASE);
        registry.add("spring.datasource.username", POSTGRES::username);
        registry.add("spring.datasource.password", POSTGRES::password);
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void starts_without_its_database_reports_not_ready_and_heals_when_it_appears() {
        assertThat(status("/actuator/health/liveness")).as("liveness ignores the database").isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"migrations\"").contains("\"db\"");

        PROXY.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("/actuator/health/readiness")).isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from sample", Integer.class)).isZero();
    }

    private int status(String path) {
        return get(path).statusCode();
    }

    private HttpResponse<String> get(String path) {
        return ApiClient.on(port).withTimeout(Duration.ofSeconds(15)).get(path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
