package dev.portal.catalog.eligibility;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portal.catalog.config.CatalogProperties;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a WHMCS client holds an ACTIVE SIM service (GetClientsProducts), which unlocks the family/discount plans.
 * A SIM service is an Active service in one of the SIM product groups, or of a product the catalogue sells as SIM.
 * Answers are cached per client for {@code sim-check-ttl}. When WHMCS cannot answer, the caller is treated as
 * having no SIM (family plans hidden, nothing fails) and that answer is not cached, so the next request asks again.
 */
@Component
public class SimSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(SimSubscriptions.class);
    private static final int PAGE = 100;

    private final WhmcsClient whmcs;
    private final Set<String> simGroups;
    private final Cache<Long, Boolean> answers;
    private final MeterRegistry meters;

    SimSubscriptions(ObjectProvider<WhmcsClient> whmcs, CatalogProperties properties, MeterRegistry meters) {
        this.whmcs = whmcs.getIfAvailable();
        this.simGroups = properties.simProductGroups().stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.answers = Caffeine.newBuilder().expireAfterWrite(properties.simCheckTtl()).maximumSize(100_000).build();
        this.meters = meters;
        if (this.whmcs == null) {
            log.warn("no WHMCS configured (PORTAL_WHMCS_URL): family plans are hidden from everyone");
        }
    }

    /** {@code simProductIds}: WHMCS pids the catalogue sells in its SIM category. */
    public boolean hasActiveSim(long clientId, Set<Long> simProductIds) {
        Boolean cached = answers.getIfPresent(clientId);
        if (cached != null) {
            return cached;
        }
        if (whmcs == null) {
            return false;
        }
        try {
            boolean active = ask(clientId, service -> service.active()
                    && (simGroups.contains(String.valueOf(service.groupName()).toLowerCase(Locale.ROOT))
                        || simProductIds.contains(service.pid())));
            answers.put(clientId, active);
            return active;
        } catch (ExternalSystemException e) {
            meters.counter("portal.catalog.sim.check.failures").increment();
            log.warn("WHMCS could not say whether client {} has an active SIM; family plans hidden for this request: {}",
                    clientId, e.toString());
            return false;
        }
    }

    private boolean ask(long clientId, Predicate<ClientService> isActiveSim) {
        int start = 0;
        while (true) {
            ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(start, PAGE));
            if (page.services().stream().anyMatch(isActiveSim)) {
                return true;
            }
            start += page.services().size();
            if (page.services().isEmpty() || start >= page.totalResults()) {
                return false;
            }
        }
    }
}
