package dev.portal.sim.whmcs;

import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.sim.config.SimProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The SIM services of a WHMCS client: services of the configured SIM product group that name a line (the MSISDN
 * custom field, else the service's {@code domain}). WHMCS is asked with the client id of the caller's token only, so
 * a service of another client is never found.
 */
@Component
public class SimSubscriptions {

    private static final int PAGE = 100;

    private final WhmcsClient whmcs;
    private final SimProperties.Whmcs settings;

    SimSubscriptions(WhmcsClient whmcs, SimProperties properties) {
        this.whmcs = whmcs;
        this.settings = properties.whmcs();
    }

    /** The client's SIM services, in WHMCS's order. */
    public List<SimSubscription> ofClient(long clientId) {
        List<SimSubscription> sims = new ArrayList<>();
        int start = 0;
        while (true) {
            ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(start, PAGE));
            for (ClientService service : page.services()) {
                sim(service).ifPresent(sims::add);
            }
            start += page.services().size();
            if (page.services().isEmpty() || start >= page.totalResults()) {
                return sims;
            }
        }
    }

    /** One of the client's SIM services by its id; empty when the client has no such SIM service. */
    public Optional<SimSubscription> find(long clientId, long serviceId) {
        ServicesPage page = whmcs.getClientsProducts(new ServicesQuery(clientId, serviceId, null, null, 0, 1));
        return page.services().stream().filter(s -> s.id() == serviceId && s.clientId() == clientId)
                .findFirst().flatMap(this::sim);
    }

    private Optional<SimSubscription> sim(ClientService service) {
        if (!settings.productGroup().equalsIgnoreCase(service.groupName())) {
            return Optional.empty();
        }
        String msisdn = service.customField(settings.msisdnField()).orElse(service.domain()).replace("-", "").strip();
        if (msisdn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SimSubscription(service.id(), msisdn, service.name(), service.status()));
    }
}
