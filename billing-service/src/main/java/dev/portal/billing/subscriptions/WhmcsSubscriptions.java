package dev.portal.billing.subscriptions;

import dev.portal.billing.config.BillingProperties;
import dev.portal.billing.money.Money;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** WHMCS GetClientsProducts, every page of a client's services, translated. */
@Component
class WhmcsSubscriptions {

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final WhmcsClient whmcs;
    private final Set<String> simGroups;
    private final String currency;

    WhmcsSubscriptions(WhmcsClient whmcs, BillingProperties properties) {
        this.whmcs = whmcs;
        this.simGroups = properties.simProductGroups().stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.currency = properties.currency();
    }

    List<Subscription> of(long clientId) {
        List<Subscription> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ServicesPage answer = whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(page * PAGE, PAGE));
            answer.services().stream().filter(s -> s.clientId() == clientId).map(this::of).forEach(all::add);
            if (answer.services().size() < PAGE || all.size() >= answer.totalResults()) {
                break;
            }
        }
        return all;
    }

    private Subscription of(ClientService service) {
        boolean sim = service.groupName() != null && simGroups.contains(service.groupName().toLowerCase(Locale.ROOT));
        String msisdn = sim ? service.customField("MSISDN").orElse(service.domain().isBlank() ? null : service.domain()) : null;
        String status = service.status() == null ? "unknown" : service.status().toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Subscription(service.id(), service.name(), service.groupName(), status, sim, msisdn, service.billingCycle(),
                Money.of(service.recurringAmount(), currency), service.registered(), service.nextDueDate());
    }
}
