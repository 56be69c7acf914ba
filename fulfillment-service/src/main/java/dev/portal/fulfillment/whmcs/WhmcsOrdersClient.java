package dev.portal.fulfillment.whmcs;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalRejectedException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.OrderLine;
import dev.portal.clients.whmcs.OrderRequest;
import dev.portal.clients.whmcs.PayMethod;
import dev.portal.clients.whmcs.ProductsQuery;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsApiException;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.clients.whmcs.WhmcsOrder;
import dev.portal.fulfillment.provisioning.ParticipantRefused;
import dev.portal.fulfillment.provisioning.ParticipantUnreadable;
import dev.portal.fulfillment.provisioning.WhmcsOrders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@link WhmcsOrders} on the WHMCS External API. A product's custom field ids come from GetProducts and are kept
 * (they change only when an administrator edits the product); finding an order by its reference pages through the
 * client's services (GetClientsProducts), skipping cancelled ones.
 */
@Component
class WhmcsOrdersClient implements WhmcsOrders {

    private static final int PAGE = 100;

    private final WhmcsClient whmcs;
    private final Map<String, Long> fieldIds = new ConcurrentHashMap<>();

    WhmcsOrdersClient(WhmcsClient whmcs) {
        this.whmcs = whmcs;
    }

    @Override
    public Optional<String> paymentGateway(long clientId) {
        return call(() -> {
            List<PayMethod> methods = whmcs.getPayMethods(clientId);
            if (methods.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> gateway = methods.stream().map(PayMethod::gatewayName).filter(g -> g != null && !g.isBlank()).findFirst();
            return gateway.isPresent() ? gateway
                    : Optional.ofNullable(whmcs.getClientsDetails(ClientLookup.byId(clientId), false).client().defaultGateway())
                    .filter(g -> !g.isBlank());
        });
    }

    @Override
    public OptionalLong customFieldId(long productId, String fieldName) {
        String key = productId + "|" + fieldName;
        Long known = fieldIds.get(key);
        if (known != null) {
            return OptionalLong.of(known);
        }
        Optional<Long> found = call(() -> whmcs.getProducts(ProductsQuery.of(productId)).stream().filter(p -> p.pid() == productId)
                .findFirst().flatMap(p -> p.customFieldId(fieldName)));
        found.ifPresent(id -> fieldIds.put(key, id));
        return found.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public Optional<PlacedOrder> findByReference(long clientId, String fieldName, String reference) {
        return call(() -> {
            Map<Long, List<Long>> byOrder = new TreeMap<>();
            int start = 0;
            while (true) {
                ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(start, PAGE));
                for (ClientService service : page.services()) {
                    if (!"Cancelled".equalsIgnoreCase(service.status())
                            && service.customField(fieldName).filter(reference::equals).isPresent()) {
                        byOrder.computeIfAbsent(service.orderId(), ignored -> new ArrayList<>()).add(service.id());
                    }
                }
                start += page.services().size();
                if (page.services().isEmpty() || start >= page.totalResults()) {
                    break;
                }
            }
            return byOrder.entrySet().stream().findFirst()
                    .map(entry -> new PlacedOrder(entry.getKey(), entry.getValue().stream().sorted(Comparator.naturalOrder()).toList()));
        });
    }

    @Override
    public PlacedOrder place(NewOrder order) {
        List<OrderLine> lines = order.lines().stream()
                .map(line -> new OrderLine(line.productId(), "monthly", line.domain(), line.quantity())
                        .withCustomField(line.referenceField(), line.reference()))
                .toList();
        return call(() -> {
            dev.portal.clients.whmcs.PlacedOrder placed = whmcs.addOrder(OrderRequest.of(order.clientId(), order.paymentGateway(), lines));
            return new PlacedOrder(placed.orderId(), placed.serviceIds());
        });
    }

    @Override
    public Optional<String> status(long orderId) {
        return call(() -> whmcs.getOrder(orderId).map(WhmcsOrder::status));
    }

    @Override
    public void accept(long orderId) {
        call(() -> {
            whmcs.acceptOrder(orderId);
            return null;
        });
    }

    @Override
    public void cancel(long orderId) {
        call(() -> {
            whmcs.cancelOrder(orderId);
            return null;
        });
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (WhmcsApiException e) {
            throw new ParticipantRefused("whmcs", e.whmcsMessage(), e.getMessage());
        } catch (ExternalAuthenticationException e) {
            throw new ParticipantRefused("whmcs", ParticipantRefused.AUTHENTICATION, e.getMessage());
        } catch (ExternalRejectedException e) {
            throw new ParticipantRefused("whmcs", String.valueOf(e.status()), e.getMessage());
        } catch (ExternalResponseException e) {
            throw new ParticipantUnreadable(e.getMessage(), e);
        }
    }
}
