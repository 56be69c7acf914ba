package dev.portal.billing.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingServiceApplication;
import dev.portal.billing.BillingTestBase;
import dev.portal.platform.test.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Two replicas on one database see one cache: what one read, the other serves; what one evicts, the other drops. */
class SharedCacheIT extends BillingTestBase {

    private static ConfigurableApplicationContext otherReplica;

    @Autowired
    Environment environment;

    @AfterAll
    static void stopReplica() {
        if (otherReplica != null) {
            otherReplica.close();
        }
    }

    @Test
    void a_replica_serves_the_entry_another_replica_read() {
        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/payment-methods"));

        ok(replica().withBearer(token(HANAKO, HANAKO_ACCOUNT)).get("/api/invoices"));
        ok(replica().withBearer(token(HANAKO, HANAKO_ACCOUNT)).get("/api/payment-methods"));

        assertThat(whmcsCalls()).containsEntry("GetInvoices", 1L).containsEntry("GetPayMethods", 1L);
    }

    @Test
    void an_eviction_on_one_replica_is_seen_by_the_other() {
        ok(aiko().get("/api/invoices"));

        ok(replica().withBearer(token(AIKO, AIKO_ACCOUNT)).post("/api/invoices/4/payment-link", null));
        ok(aiko().get("/api/invoices"));

        assertThat(whmcsCalls("GetInvoices")).isEqualTo(2);
    }

    /** The second replica: same database, same WHMCS, its own process-wide settings; started once for this class. */
    private ApiClient replica() {
        if (otherReplica == null) {
            List<String> args = new ArrayList<>();
            for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                    "spring.kafka.bootstrap-servers", "portal.security.jwks-uri", "portal.clients.whmcs.base-url",
                    "portal.clients.whmcs.identifier", "portal.clients.whmcs.secret",
                    "portal.billing.dashboard.orders-url", "portal.billing.dashboard.cases-url")) {
                args.add("--" + name + "=" + environment.getProperty(name));
            }
            args.add("--server.port=0");
            args.add("--spring.main.banner-mode=off");
            otherReplica = new SpringApplicationBuilder(BillingServiceApplication.class).run(args.toArray(String[]::new));
        }
        return ApiClient.on(Integer.parseInt(otherReplica.getEnvironment().getProperty("local.server.port")));
    }
}
