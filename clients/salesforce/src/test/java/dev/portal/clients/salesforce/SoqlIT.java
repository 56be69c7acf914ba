package dev.portal.clients.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.sandbox.EmbeddedSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bound values reach the org as the very text they were, whatever quotes and backslashes they hold. */
class SoqlIT {

    private static final String ACCOUNT = "001Sb0000000001IAA";

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    private SalesforceClient client;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        sandbox.clearFaults();
        client = TestClients.client(TestClients.sandboxCredentials(URI.create(sandbox.baseUrl() + "/salesforce"), TestClients.FAST),
                new SimpleMeterRegistry());
    }

    @Test
    void a_value_with_quotes_backslashes_and_line_breaks_matches_exactly_itself() {
        String subject = "O'Brien's router \\ says \"no\"\nsecond line\t' OR Subject != '";
        String id = client.create("Case", Map.of("AccountId", ACCOUNT, "Subject", subject));

        var found = client.queryTrees(Soql.of("SELECT Id, Subject FROM Case WHERE Subject = :subject").bind("subject", subject).text());

        assertThat(found).extracting(record -> record.path("Id").asString()).containsExactly(id);
        assertThat(found.getFirst().path("Subject").asString()).isEqualTo(subject);
    }

    @Test
    void an_injection_attempt_is_a_value_that_matches_nothing() {
        String attempt = "x' OR AccountId != 'x";

        var found = client.queryTrees(Soql.of("SELECT Id FROM Case WHERE AccountId = :account AND Subject = :subject")
                .bind("account", new SalesforceId(ACCOUNT)).bind("subject", attempt).text());

        assertThat(found).isEmpty();
        int all = client.count(Soql.of("SELECT COUNT() FROM Case WHERE AccountId = :account").bind("account", new SalesforceId(ACCOUNT)).text());
        assertThat(all).as("the account's seeded cases are there to be found").isEqualTo(2);
    }

}
