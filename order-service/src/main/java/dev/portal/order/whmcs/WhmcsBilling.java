package dev.portal.order.whmcs;

import dev.portal.clients.whmcs.ClientDetails;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.order.checkout.Address;
import dev.portal.order.checkout.Billing;
import dev.portal.order.checkout.BillingCustomer;
import dev.portal.order.config.OrderProperties;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checkout's questions to WHMCS: GetPayMethods, GetClientsProducts and GetClientsDetails, read at the moment of the order. */
@Component
class WhmcsBilling implements Billing {

    private static final int PAGE = 100;

    private final WhmcsClient whmcs;
    private final Set<String> internetGroups;

    WhmcsBilling(WhmcsClient whmcs, OrderProperties properties) {
        this.whmcs = whmcs;
        this.internetGroups = properties.internetProductGroups().stream().map(g -> g.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Override
    public boolean hasPaymentMethod(long clientId) {
        return !whmcs.getPayMethods(clientId).isEmpty();
    }

    @Override
    public boolean hasActiveInternet(long clientId, Set<Long> internetProductIds) {
        int start = 0;
        while (true) {
            ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(start, PAGE));
            if (page.services().stream().anyMatch(service -> service.active() && internet(service, internetProductIds))) {
                return true;
            }
            start += page.services().size();
            if (page.services().isEmpty() || start >= page.totalResults()) {
                return false;
            }
        }
    }

    @Override
    public BillingCustomer customer(long clientId) {
        ClientDetails client = whmcs.getClientsDetails(ClientLookup.byId(clientId), false).client();
        String street = client.address2() == null || client.address2().isBlank() ? client.address1()
                : client.address1() + "\n" + client.address2();
        return new BillingCustomer(client.closed(),
                new Address(street, client.city(), client.state(), client.postcode(), client.country()));
    }

    private boolean internet(ClientService service, Set<Long> internetProductIds) {
        return internetProductIds.contains(service.pid())
                || (service.groupName() != null && internetGroups.contains(service.groupName().strip().toLowerCase(Locale.ROOT)));
    }
}
