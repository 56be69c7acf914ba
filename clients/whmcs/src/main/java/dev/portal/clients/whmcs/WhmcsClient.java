package dev.portal.clients.whmcs;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalCalls.Repeat;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.Excerpts;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.LenientJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The WHMCS External API: one method per action the suite uses. Every call is a form POST to
 * {@code {base-url}/includes/api.php} with the API credentials and {@code responsetype=json}; reads (and
 * UpdateClient, which only sets values) are retried on timeouts and 5xx, writes that create something are sent once.
 *
 * <p>Failures: {@link WhmcsApiException} for WHMCS error results (the message is WHMCS's), {@link
 * ExternalAuthenticationException} when WHMCS refuses the credentials or the caller's IP (as HTTP 401/403 or as an
 * error result with HTTP 200), and the other {@code ExternalSystemException}s of client-support for timeouts,
 * unavailability and unreadable answers.
 */
public class WhmcsClient {

    static final String SYSTEM = "whmcs";
    private static final String API = "/includes/api.php";

    private final ExternalHttp http;
    private final WhmcsProperties properties;

    public WhmcsClient(WhmcsProperties properties, RestClient.Builder builder, MeterRegistry meters, ObservationRegistry observations) {
        Objects.requireNonNull(properties.baseUrl(), "portal.clients.whmcs.base-url is required");
        if (properties.identifier() == null || properties.identifier().isBlank()
                || properties.secret() == null || properties.secret().isBlank()) {
            throw new IllegalArgumentException("portal.clients.whmcs.identifier and .secret are required");
        }
        this.properties = properties;
        ExternalCalls calls = new ExternalCalls(SYSTEM, properties.http(), meters,
                observations != null ? observations : ObservationRegistry.NOOP);
        this.http = new ExternalHttp(SYSTEM, properties.baseUrl(), properties.http(), builder, calls);
    }

    /** Without metrics or tracing: for tests and tools. */
    public static WhmcsClient create(WhmcsProperties properties) {
        return new WhmcsClient(properties, RestClient.builder(), null, ObservationRegistry.NOOP);
    }

    /** The breaker and retry guard of this client (state for health details and tests). */
    public ExternalCalls calls() {
        return http.calls();
    }

    // ---- clients

    /** GetClientsDetails; {@code stats} also asks for invoice and product counts. */
    public ClientsDetailsResult getClientsDetails(ClientLookup lookup, boolean stats) {
        Form form = new Form("GetClientsDetails").add("clientid", lookup.clientId()).add("email", lookup.email());
        if (stats) {
            form.add("stats", "true");
        }
        JsonNode body = call(form, Repeat.SAFE);
        JsonNode client = body.path("client").isObject() ? body.get("client") : body;
        ClientDetails details = convert(form.action, client, ClientDetails.class);
        JsonNode statsNode = body.get("stats");
        ClientStats clientStats = statsNode != null && statsNode.isObject() ? convert(form.action, statsNode, ClientStats.class) : null;
        return new ClientsDetailsResult(details, clientStats);
    }

    /** AddClient; the new client's id. Sent once. */
    public long addClient(NewClient client) {
        Form form = new Form("AddClient")
                .add("firstname", client.firstname()).add("lastname", client.lastname()).add("email", client.email())
                .add("address1", client.address1()).add("address2", client.address2()).add("city", client.city())
                .add("state", client.state()).add("postcode", client.postcode()).add("country", client.country())
                .add("phonenumber", client.phonenumber()).add("password2", client.password())
                .add("companyname", client.companyname());
        if (client.noEmail()) {
            form.add("noemail", "true");
        }
        return requiredId(form.action, call(form, Repeat.ONCE), "clientid");
    }

    /** UpdateClient; sets the given fields (repeatable: setting the same values twice changes nothing). */
    public long updateClient(ClientUpdate update) {
        Form form = new Form("UpdateClient").add("clientid", update.clientId())
                .add("firstname", update.firstname()).add("lastname", update.lastname()).add("email", update.email())
                .add("address1", update.address1()).add("address2", update.address2()).add("city", update.city())
                .add("state", update.state()).add("postcode", update.postcode()).add("country", update.country())
                .add("phonenumber", update.phonenumber()).add("status", update.status())
                .add("paymentmethod", update.paymentMethod()).add("companyname", update.companyname());
        update.emailPreferences().forEach((kind, wanted) -> form.add("email_preferences[" + kind + "]", wanted ? "1" : "0"));
        return requiredId(form.action, call(form, Repeat.SAFE), "clientid");
    }

    /** ValidateLogin; empty when WHMCS answers "Email or Password Invalid". */
    public Optional<LoginResult> validateLogin(String email, String password) {
        Form form = new Form("ValidateLogin").add("email", email).add("password2", password);
        try {
            return Optional.of(convert(form.action, call(form, Repeat.SAFE), LoginResult.class));
        } catch (WhmcsApiException e) {
            if (e.is("Email or Password Invalid")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- services and products

    /** GetClientsProducts: the services matching {@code query}, one page. */
    public ServicesPage getClientsProducts(ServicesQuery query) {
        Form form = new Form("GetClientsProducts").add("clientid", query.clientId()).add("serviceid", query.serviceId())
                .add("pid", query.pid()).add("domain", query.domain())
                .add("limitstart", query.limitStart()).add("limitnum", query.limitNum());
        JsonNode body = call(form, Repeat.SAFE);
        ServiceList list = convert(form.action, body.get("products"), ServiceList.class);
        List<ClientService> services = list == null ? List.of() : list.product();
        return new ServicesPage(number(form.action, body, "totalresults"), number(form.action, body, "startnumber"),
                number(form.action, body, "numreturned"), services);
    }

    /** GetProducts. */
    public List<Product> getProducts(ProductsQuery query) {
        Form form = new Form("GetProducts").add("gid", query.gid());
        if (!query.pids().isEmpty()) {
            form.add("pid", query.pids().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        JsonNode body = call(form, Repeat.SAFE);
        ProductList list = convert(form.action, body.get("products"), ProductList.class);
        return list == null ? List.of() : list.product();
    }

    // ---- invoices and pay methods

    /** GetInvoices: one page of invoices matching {@code query}. */
    public InvoicesPage getInvoices(InvoicesQuery query) {
        Form form = new Form("GetInvoices").add("userid", query.userId()).add("status", query.status())
                .add("limitstart", query.limitStart()).add("limitnum", query.limitNum())
                .add("orderby", query.orderBy()).add("order", query.order());
        JsonNode body = call(form, Repeat.SAFE);
        InvoiceList list = convert(form.action, body.get("invoices"), InvoiceList.class);
        return new InvoicesPage(number(form.action, body, "totalresults"), number(form.action, body, "startnumber"),
                number(form.action, body, "numreturned"), list == null ? List.of() : list.invoice());
    }

    /** GetInvoice; "Invoice ID Not Found" is a {@link WhmcsApiException}. */
    public Invoice getInvoice(long invoiceId) {
        Form form = new Form("GetInvoice").add("invoiceid", invoiceId);
        return convert(form.action, call(form, Repeat.SAFE), Invoice.class);
    }

    /** GetPayMethods of a client (empty list when it has none). */
    public List<PayMethod> getPayMethods(long clientId) {
        Form form = new Form("GetPayMethods").add("clientid", clientId);
        JsonNode body = call(form, Repeat.SAFE);
        PayMethod[] methods = convert(form.action, body.get("paymethods"), PayMethod[].class);
        return methods == null ? List.of() : List.of(methods);
    }

    // ---- orders

    /** AddOrder: a Pending order with Pending services (and an Unpaid invoice unless asked not to). Sent once. */
    public PlacedOrder addOrder(OrderRequest order) {
        Form form = new Form("AddOrder").add("clientid", order.clientId()).add("paymentmethod", order.paymentMethod())
                .add("promocode", order.promoCode());
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            form.add("pid[" + i + "]", line.pid()).add("billingcycle[" + i + "]", line.billingCycle())
                    .add("domain[" + i + "]", line.domain()).add("qty[" + i + "]", line.qty());
            if (!line.customFields().isEmpty()) {
                form.add("customfields[" + i + "]", PhpSerialized.base64Array(line.customFields()));
            }
        }
        if (order.noInvoice()) {
            form.add("noinvoice", "true");
        }
        if (order.noInvoiceEmail()) {
            form.add("noinvoiceemail", "true");
        }
        if (order.noEmail()) {
            form.add("noemail", "true");
        }
        JsonNode body = call(form, Repeat.ONCE);
        long orderId = requiredId(form.action, body, "orderid");
        JsonNode ids = body.hasNonNull("serviceids") ? body.get("serviceids") : body.get("productids");
        List<Long> serviceIds = new ArrayList<>();
        if (ids != null && ids.isArray()) {
            ids.forEach(id -> Optional.ofNullable(convert(form.action, id, Long.class)).ifPresent(serviceIds::add));
        } else if (ids != null && !ids.isNull()) {
            for (String id : ids.asString().split(",")) {
                if (!id.isBlank()) {
                    serviceIds.add(convert(form.action, LenientJson.mapper().getNodeFactory().stringNode(id.strip()), Long.class));
                }
            }
        }
        Long invoiceId = optionalId(form.action, body, "invoiceid");
        return new PlacedOrder(orderId, serviceIds, invoiceId);
    }

    /** AcceptOrder: WHMCS activates the order's services. Sent once. */
    public void acceptOrder(long orderId) {
        call(new Form("AcceptOrder").add("orderid", orderId), Repeat.ONCE);
    }

    /**
     * CancelOrder: a Pending order (and its services) becomes Cancelled. WHMCS refuses an order that is not Pending
     * ({@code Order ID not found or Status not Pending}): an accepted order cannot be cancelled this way. Sent once.
     */
    public void cancelOrder(long orderId) {
        call(new Form("CancelOrder").add("orderid", orderId), Repeat.ONCE);
    }

    /** GetOrders: one page of the orders matching {@code query}, newest first. */
    public OrdersPage getOrders(OrdersQuery query) {
        Form form = new Form("GetOrders").add("id", query.id()).add("userid", query.userId()).add("status", query.status())
                .add("limitstart", query.limitStart()).add("limitnum", query.limitNum());
        JsonNode body = call(form, Repeat.SAFE);
        OrderList list = convert(form.action, body.get("orders"), OrderList.class);
        return new OrdersPage(number(form.action, body, "totalresults"), number(form.action, body, "startnumber"),
                number(form.action, body, "numreturned"), list == null ? List.of() : list.order());
    }

    /** GetOrders by id: the order, if WHMCS has it. */
    public Optional<WhmcsOrder> getOrder(long orderId) {
        return getOrders(OrdersQuery.byId(orderId)).orders().stream().filter(order -> order.id() == orderId).findFirst();
    }

    // ---- single sign-on

    /** CreateSsoToken: a single-use link, valid for at most 60 seconds. Sent once. */
    public SsoToken createSsoToken(SsoRequest request) {
        Form form = new Form("CreateSsoToken").add("client_id", request.clientId()).add("user_id", request.userId())
                .add("destination", request.destination()).add("service_id", request.serviceId())
                .add("sso_redirect_path", request.redirectPath());
        SsoToken token = convert(form.action, call(form, Repeat.ONCE), SsoToken.class);
        if (token.accessToken() == null || token.redirectUrl() == null) {
            throw new ExternalResponseException(SYSTEM, form.action, 200, "no access_token or redirect_url in the answer", null);
        }
        return token;
    }

    // ---- wire

    record ServiceList(List<ClientService> product) {
        ServiceList {
            product = product == null ? List.of() : List.copyOf(product);
        }
    }

    record ProductList(List<Product> product) {
        ProductList {
            product = product == null ? List.of() : List.copyOf(product);
        }
    }

    record OrderList(List<WhmcsOrder> order) {
        OrderList {
            order = order == null ? List.of() : List.copyOf(order);
        }
    }

    record InvoiceList(List<InvoiceSummary> invoice) {
        InvoiceList {
            invoice = invoice == null ? List.of() : List.copyOf(invoice);
        }
    }

    /** The form fields of one call; null values are left out. */
    private static final class Form {
        final String action;
        final MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();

        Form(String action) {
            this.action = action;
            fields.add("action", action);
        }

        Form add(String name, Object value) {
            if (value != null) {
                fields.add(name, value.toString());
            }
            return this;
        }
    }

    private JsonNode call(Form form, Repeat repeat) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>(form.fields);
        fields.add("identifier", properties.identifier());
        fields.add("secret", properties.secret());
        if (properties.accessKey() != null) {
            fields.add("accesskey", properties.accessKey());
        }
        fields.add("responsetype", "json");
        ExternalHttp.Response response = http.send(form.action, repeat, rest -> rest.post().uri(API)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(fields));
        if (response.status() == 401 || response.status() == 403) {
            throw new ExternalAuthenticationException(SYSTEM, form.action, response.status(), refusal(response));
        }
        JsonNode body = LenientJson.tree(SYSTEM, form.action, response);
        if (!body.isObject()) {
            throw new ExternalResponseException(SYSTEM, form.action, response.status(),
                    "expected a JSON object: " + response.excerpt(), null);
        }
        String result = body.path("result").asString("");
        if ("success".equalsIgnoreCase(result) && response.successful()) {
            return body;
        }
        String message = body.hasNonNull("message") ? body.get("message").asString()
                : body.hasNonNull("warning") ? body.get("warning").asString() : null;
        if (message == null) {
            throw new ExternalResponseException(SYSTEM, form.action, response.status(),
                    "neither success nor an error message: " + response.excerpt(), null);
        }
        if (authenticationRefusal(message)) {
            throw new ExternalAuthenticationException(SYSTEM, form.action, response.status(), message);
        }
        throw new WhmcsApiException(form.action, response.status(), message);
    }

    private static boolean authenticationRefusal(String message) {
        return message.startsWith("Authentication Failed") || message.startsWith("Invalid IP")
                || message.startsWith("Invalid Access Key") || message.startsWith("Invalid or missing credentials");
    }

    private static String refusal(ExternalHttp.Response response) {
        String text = response.text().strip();
        if (text.startsWith("{")) {
            try {
                JsonNode body = LenientJson.mapper().readTree(text);
                if (body.hasNonNull("message")) {
                    return body.get("message").asString();
                }
            } catch (RuntimeException unreadable) {
                // fall through to the excerpt
            }
        }
        return "HTTP " + response.status() + ": " + response.excerpt();
    }

    private static <T> T convert(String action, JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString() && node.asString().isEmpty() && type != String.class) {
            return null; // WHMCS writes "" for an empty list or an unset value
        }
        return LenientJson.convert(SYSTEM, action, 200, node, type);
    }

    private static int number(String action, JsonNode body, String field) {
        Integer value = convert(action, body.get(field), Integer.class);
        return value == null ? 0 : value;
    }

    private static long requiredId(String action, JsonNode body, String field) {
        Long id = optionalId(action, body, field);
        if (id == null) {
            throw new ExternalResponseException(SYSTEM, action, 200, "no " + field + " in the answer: "
                    + Excerpts.of(body.toString()), null);
        }
        return id;
    }

    private static Long optionalId(String action, JsonNode body, String field) {
        Long id = convert(action, body.get(field), Long.class);
        return id == null || id == 0 ? null : id;
    }

    @Override
    public String toString() {
        return "WhmcsClient[" + properties.baseUrl() + "]";
    }
}
