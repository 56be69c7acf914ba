package dev.portal.sandbox.whmcs;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The API actions the suite uses, answering with the field names, nesting and string-or-number types of the WHMCS
 * developer docs (see the fact sheet, section 1). A refusal is a {@link Failure} carrying WHMCS's message.
 */
@Component
class WhmcsActions {

    /** A WHMCS error result: {@code {"result":"error","message":…}}. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> CYCLES = linked(
            "free", "Free Account", "onetime", "One Time", "monthly", "Monthly", "quarterly", "Quarterly",
            "semiannually", "Semi-Annually", "annually", "Annually", "biennially", "Biennially", "triennially", "Triennially");
    private static final Map<String, String> GATEWAY_NAMES = Map.of(
            "stripe", "Credit Card", "banktransfer", "Bank Transfer", "mailin", "Mail In Payment", "paypal", "PayPal");
    private static final Map<String, String> DESTINATIONS = Map.ofEntries(
            Map.entry("clientarea:homepage", "clientarea.php"),
            Map.entry("clientarea:profile", "clientarea.php?action=details"),
            Map.entry("clientarea:billing_info", "account/paymentmethods"),
            Map.entry("clientarea:manage_payment_methods", "account/paymentmethods"),
            Map.entry("clientarea:services", "clientarea.php?action=services"),
            Map.entry("clientarea:product_details", "clientarea.php?action=productdetails"),
            Map.entry("clientarea:invoices", "clientarea.php?action=invoices"),
            Map.entry("clientarea:tickets", "supporttickets.php"),
            Map.entry("clientarea:submit_ticket", "submitticket.php"),
            Map.entry("clientarea:emails", "clientarea.php?action=emails"),
            Map.entry("cart:view_cart", "cart.php?a=view"));

    private final WhmcsState state;
    private final SecureRandom random = new SecureRandom();

    WhmcsActions(WhmcsState state) {
        this.state = state;
    }

    /** Runs {@code action}; {@code baseUrl} is where the installation is served ({@code http://host:port/whmcs}). */
    Map<String, Object> run(String action, WhmcsParams p, String baseUrl) {
        return state.apply(store -> switch (action.toLowerCase(Locale.ROOT)) {
            case "getclientsdetails" -> getClientsDetails(store, p);
            case "addclient" -> addClient(store, p);
            case "updateclient" -> updateClient(store, p);
            case "validatelogin" -> validateLogin(store, p);
            case "getclientsproducts" -> getClientsProducts(store, p);
            case "getinvoices" -> getInvoices(store, p);
            case "getinvoice" -> getInvoice(store, p);
            case "getpaymethods" -> getPayMethods(store, p);
            case "addpaymethod" -> addPayMethod(store, p);
            case "addorder" -> addOrder(store, p);
            case "acceptorder" -> acceptOrder(store, p);
            case "cancelorder" -> cancelOrder(store, p);
            case "getorders" -> getOrders(store, p);
            case "createssotoken" -> createSsoToken(store, p, baseUrl);
            case "getproducts" -> getProducts(store, p);
            default -> throw new Failure("Command Not Found");
        });
    }

    // ---- clients

    private Map<String, Object> getClientsDetails(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("clientid");
        String email = p.get("email");
        if (id == null && email == null) {
            throw new Failure("Either clientid Or email Is Required");
        }
        WhmcsStore.Client c = (id != null ? Optional.ofNullable(store.clients.get(id)) : store.clientByEmail(email))
                .orElseThrow(() -> new Failure("Client Not Found"));
        Map<String, Object> client = clientJson(store, c);
        Map<String, Object> body = success();
        body.putAll(client);
        body.put("client", client);
        if (p.flag("stats")) {
            body.put("stats", stats(store, c));
        }
        return body;
    }

    private Map<String, Object> clientJson(WhmcsStore store, WhmcsStore.Client c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", c.id);
        m.put("owner_user_id", c.id);
        m.put("userid", c.id);
        m.put("id", c.id);
        m.put("uuid", c.uuid);
        m.put("firstname", c.firstname);
        m.put("lastname", c.lastname);
        m.put("fullname", c.fullname());
        m.put("companyname", c.companyname);
        m.put("email", c.email);
        m.put("address1", c.address1);
        m.put("address2", c.address2);
        m.put("city", c.city);
        m.put("fullstate", c.state);
        m.put("state", c.state);
        m.put("postcode", c.postcode);
        m.put("countrycode", c.country);
        m.put("country", c.country);
        m.put("phonenumber", c.phonenumber);
        m.put("tax_id", c.taxId);
        m.put("email_preferences", new LinkedHashMap<>(c.emailPreferences));
        m.put("statecode", c.state);
        m.put("countryname", Locale.of("", c.country).getDisplayCountry(Locale.ENGLISH));
        String cc = phoneCountryCode(c.country);
        m.put("phonecc", cc.isEmpty() ? "" : Integer.parseInt(cc));
        String digits = c.phonenumber.replaceAll("\\D", "").replaceFirst("^0", "");
        m.put("phonenumberformatted", cc.isEmpty() ? c.phonenumber : "+" + cc + "." + digits);
        m.put("telephoneNumber", cc.isEmpty() ? c.phonenumber : "+" + cc + "." + digits);
        m.put("billingcid", 0);
        m.put("notes", c.notes);
        m.put("currency", 1);
        m.put("defaultgateway", c.defaultgateway);
        m.put("groupid", 0);
        m.put("status", c.status);
        m.put("credit", "0.00");
        m.put("taxexempt", c.taxexempt);
        m.put("latefeeoveride", false);
        m.put("overideduenotices", false);
        m.put("separateinvoices", false);
        m.put("disableautocc", false);
        m.put("emailoptout", false);
        m.put("marketing_emails_opt_in", c.marketingOptIn);
        m.put("overrideautoclose", false);
        m.put("allowSingleSignOn", 1);
        m.put("email_verified", true);
        m.put("language", c.language);
        m.put("isOptedInToMarketingEmails", c.marketingOptIn);
        m.put("lastlogin", "No Login Logged");
        m.put("currency_code", state.settings().currencyCode());
        m.put("customfields", List.of());
        m.put("users", Map.of("user", List.of(linked("id", c.id, "name", c.fullname(), "email", c.email, "is_owner", true))));
        return m;
    }

    private Map<String, Object> stats(WhmcsStore store, WhmcsStore.Client c) {
        List<WhmcsStore.Invoice> mine = store.invoices.values().stream().filter(i -> i.userid == c.id).toList();
        LocalDate today = state.today();
        Predicate<WhmcsStore.Invoice> overdue = i -> i.status.equals("Unpaid") && i.duedate.isBefore(today);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numdueinvoices", count(mine, i -> i.status.equals("Unpaid")));
        m.put("dueinvoicesbalance", money(mine, i -> i.status.equals("Unpaid")));
        m.put("income", money(mine, i -> i.status.equals("Paid")));
        m.put("incredit", "");
        m.put("creditbalance", display(BigDecimal.ZERO));
        m.put("numoverdueinvoices", count(mine, overdue));
        m.put("overdueinvoicesbalance", money(mine, overdue));
        for (String[] s : new String[][]{{"Draft", "numDraftInvoices", "draftInvoicesBalance"}, {"Paid", "numpaidinvoices", "paidinvoicesamount"},
                {"Unpaid", "numunpaidinvoices", "unpaidinvoicesamount"}, {"Cancelled", "numcancelledinvoices", "cancelledinvoicesamount"},
                {"Refunded", "numrefundedinvoices", "refundedinvoicesamount"}, {"Collections", "numcollectionsinvoices", "collectionsinvoicesamount"},
                {"Payment Pending", "numpaymentpendinginvoices", "paymentpendinginvoicesamount"}}) {
            m.put(s[1], count(mine, i -> i.status.equals(s[0])));
            m.put(s[2], money(mine, i -> i.status.equals(s[0])));
        }
        List<WhmcsStore.Service> services = store.services.values().stream().filter(s -> s.clientid == c.id).toList();
        long active = services.stream().filter(s -> s.status.equals("Active")).count();
        m.put("productsnumactiveother", Long.toString(active));
        m.put("productsnumother", Integer.toString(services.size()));
        m.put("productsnumactive", Long.toString(active));
        m.put("productsnumtotal", Integer.toString(services.size()));
        m.put("numactivedomains", "0");
        m.put("numdomains", "0");
        m.put("numtickets", "0");
        m.put("numactivetickets", "0");
        m.put("isAffiliate", false);
        return m;
    }

    private static String count(List<WhmcsStore.Invoice> invoices, Predicate<WhmcsStore.Invoice> which) {
        return Long.toString(invoices.stream().filter(which).count());
    }

    private String money(List<WhmcsStore.Invoice> invoices, Predicate<WhmcsStore.Invoice> which) {
        return display(invoices.stream().filter(which).map(WhmcsStore.Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private String display(BigDecimal amount) {
        return state.settings().currencyPrefix() + amount(amount) + state.settings().currencySuffix();
    }

    private Map<String, Object> addClient(WhmcsStore store, WhmcsParams p) {
        boolean skip = p.flag("skipvalidation");
        String email = p.get("email");
        if (!skip) {
            require(p, "firstname", "You did not enter your first name");
            require(p, "lastname", "You did not enter your last name");
            require(p, "email", "You did not enter your email address");
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new Failure("The email address you entered was not valid");
            }
            require(p, "address1", "You did not enter your address (line 1)");
            require(p, "city", "You did not enter your city");
            require(p, "state", "You did not enter your state");
            require(p, "postcode", "You did not enter your postcode");
            require(p, "phonenumber", "You did not enter your phone number");
            if (p.get("owner_user_id") == null) {
                require(p, "password2", "You did not enter a password");
            }
        }
        String country = p.get("country");
        if (country == null || !COUNTRIES.contains(country.toUpperCase(Locale.ROOT)) || country.length() != 2) {
            throw new Failure("Valid country required");
        }
        if (email != null && store.clientByEmail(email).isPresent()) {
            throw new Failure("A user already exists with that email address");
        }
        WhmcsStore.Client c = new WhmcsStore.Client();
        c.id = store.nextClientId++;
        c.uuid = UUID.randomUUID().toString();
        c.firstname = p.getOr("firstname", "");
        c.lastname = p.getOr("lastname", "");
        c.companyname = p.getOr("companyname", "");
        c.email = email == null ? "" : email;
        c.address1 = p.getOr("address1", "");
        c.address2 = p.getOr("address2", "");
        c.city = p.getOr("city", "");
        c.state = p.getOr("state", "");
        c.postcode = p.getOr("postcode", "");
        c.country = country.toUpperCase(Locale.ROOT);
        c.phonenumber = p.getOr("phonenumber", "");
        c.taxId = p.getOr("tax_id", "");
        c.password = p.get("password2");
        c.notes = p.getOr("notes", "");
        c.language = p.getOr("language", "");
        c.marketingOptIn = p.flag("marketingoptin");
        c.created = state.today();
        store.clients.put(c.id, c);
        Map<String, Object> body = success();
        body.put("clientid", Long.toString(c.id));
        return body;
    }

    private Map<String, Object> updateClient(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("clientid");
        String byEmail = p.get("clientemail");
        Optional<WhmcsStore.Client> found = id != null ? Optional.ofNullable(store.clients.get(id))
                : byEmail != null ? store.clientByEmail(byEmail) : Optional.empty();
        WhmcsStore.Client c = found.orElseThrow(() -> new Failure("Client ID Not Found"));
        String email = p.get("email");
        if (email != null && !email.equalsIgnoreCase(c.email) && store.clientByEmail(email).isPresent()) {
            throw new Failure("Duplicate Email Address");
        }
        String country = p.get("country");
        if (country != null && (country.length() != 2 || !COUNTRIES.contains(country.toUpperCase(Locale.ROOT)))) {
            throw new Failure("Valid country required");
        }
        String status = p.get("status");
        if (status != null && !List.of("Active", "Inactive", "Closed").contains(status)) {
            throw new Failure("Invalid status. Must be one of Active, Inactive or Closed");
        }
        c.firstname = p.getOr("firstname", c.firstname);
        c.lastname = p.getOr("lastname", c.lastname);
        c.companyname = p.has("companyname") ? p.getOr("companyname", "") : c.companyname;
        c.email = email != null ? email : c.email;
        c.address1 = p.getOr("address1", c.address1);
        c.address2 = p.has("address2") ? p.getOr("address2", "") : c.address2;
        c.city = p.getOr("city", c.city);
        c.state = p.getOr("state", c.state);
        c.postcode = p.getOr("postcode", c.postcode);
        c.country = country != null ? country.toUpperCase(Locale.ROOT) : c.country;
        c.phonenumber = p.getOr("phonenumber", c.phonenumber);
        c.taxId = p.getOr("tax_id", c.taxId);
        c.password = p.getOr("password2", c.password);
        c.status = status != null ? status : c.status;
        c.defaultgateway = p.getOr("paymentmethod", c.defaultgateway);
        c.notes = p.has("notes") ? p.getOr("notes", "") : c.notes;
        c.language = p.getOr("language", c.language);
        if (p.has("taxexempt")) {
            c.taxexempt = p.flag("taxexempt");
        }
        if (p.has("marketingoptin")) {
            c.marketingOptIn = p.flag("marketingoptin");
        }
        p.map("email_preferences").forEach((key, value) -> {
            if (c.emailPreferences.containsKey(key)) {
                c.emailPreferences.put(key, List.of("1", "true", "on", "yes").contains(value.toLowerCase(Locale.ROOT)));
            }
        });
        Map<String, Object> body = success();
        body.put("clientid", Long.toString(c.id));
        return body;
    }

    private Map<String, Object> validateLogin(WhmcsStore store, WhmcsParams p) {
        String email = p.get("email");
        String password = p.get("password2");
        WhmcsStore.Client c = email == null ? null : store.clientByEmail(email).orElse(null);
        if (c == null || c.password == null || !c.password.equals(password)) {
            throw new Failure("Email or Password Invalid");
        }
        Map<String, Object> body = success();
        body.put("userid", Long.toString(c.id));
        body.put("passwordhash", passwordHash(c));
        body.put("twoFactorEnabled", "false");
        return body;
    }

    private static String passwordHash(WhmcsStore.Client c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((c.uuid + ":" + c.password).getBytes(StandardCharsets.UTF_8));
            return "$2y$10$" + Base64.getEncoder().withoutPadding().encodeToString(digest).replace('+', '.').substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---- services and products

    private Map<String, Object> getClientsProducts(WhmcsStore store, WhmcsParams p) {
        Long clientId = p.id("clientid");
        Long serviceId = p.id("serviceid");
        Long pid = p.id("pid");
        String domain = p.get("domain");
        String username = p.get("username2");
        List<WhmcsStore.Service> matching = store.services.values().stream()
                .filter(s -> clientId == null || s.clientid == clientId)
                .filter(s -> serviceId == null || s.id == serviceId)
                .filter(s -> pid == null || s.pid == pid)
                .filter(s -> domain == null || s.domain.equalsIgnoreCase(domain))
                .filter(s -> username == null || username.isEmpty())
                .toList();
        int start = p.number("limitstart", 0);
        int limit = p.number("limitnum", 25);
        List<Map<String, Object>> page = matching.stream().skip(start).limit(limit).map(s -> serviceJson(store, s)).toList();
        Map<String, Object> body = success();
        body.put("clientid", clientId == null ? null : Long.toString(clientId));
        body.put("serviceid", serviceId == null ? null : Long.toString(serviceId));
        body.put("pid", pid == null ? null : Long.toString(pid));
        body.put("domain", domain);
        body.put("totalresults", Integer.toString(matching.size()));
        body.put("startnumber", start);
        body.put("numreturned", page.size());
        body.put("products", page.isEmpty() ? "" : Map.of("product", page));
        return body;
    }

    private Map<String, Object> serviceJson(WhmcsStore store, WhmcsStore.Service s) {
        WhmcsStore.Product product = store.products.get(s.pid);
        WhmcsStore.Order order = store.orders.get(s.orderid);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(s.id));
        m.put("qty", "1");
        m.put("clientid", Long.toString(s.clientid));
        m.put("orderid", Long.toString(s.orderid));
        m.put("ordernumber", order == null ? "" : order.ordernum);
        m.put("pid", Long.toString(s.pid));
        m.put("regdate", date(s.regdate));
        m.put("name", product.name);
        m.put("translated_name", product.name);
        m.put("groupname", product.groupname);
        m.put("translated_groupname", product.groupname);
        m.put("domain", s.domain);
        m.put("dedicatedip", "");
        m.put("serverid", "0");
        m.put("servername", "");
        m.put("serverip", "");
        m.put("serverhostname", "");
        m.put("suspensionreason", "");
        m.put("firstpaymentamount", amount(s.firstpaymentamount));
        m.put("recurringamount", amount(s.recurringamount));
        m.put("paymentmethod", s.paymentmethod);
        m.put("paymentmethodname", GATEWAY_NAMES.getOrDefault(s.paymentmethod, s.paymentmethod));
        m.put("billingcycle", s.billingcycle);
        m.put("nextduedate", date(s.nextduedate));
        m.put("status", s.status);
        m.put("username", "");
        m.put("password", "");
        m.put("subscriptionid", "");
        m.put("promoid", "0");
        m.put("overideautosuspend", "");
        m.put("overidesuspenduntil", "0000-00-00");
        m.put("ns1", "");
        m.put("ns2", "");
        m.put("assignedips", "");
        m.put("notes", "");
        m.put("diskusage", "0");
        m.put("disklimit", "0");
        m.put("bwusage", "0");
        m.put("bwlimit", "0");
        m.put("lastupdate", "0000-00-00 00:00:00");
        List<Map<String, Object>> fields = product.customfields.stream()
                .map(f -> linked("id", Long.toString(f.id()), "name", f.name(), "translated_name", f.name(),
                        "value", s.customvalues.getOrDefault(f.id(), "")))
                .toList();
        m.put("customfields", Map.of("customfield", fields));
        m.put("configoptions", Map.of("configoption", List.of()));
        return m;
    }

    private Map<String, Object> getProducts(WhmcsStore store, WhmcsParams p) {
        String pids = p.get("pid");
        Set<Long> wanted = pids == null ? null : Arrays.stream(pids.split(",")).map(String::strip)
                .filter(v -> v.matches("\\d+")).map(Long::parseLong).collect(Collectors.toSet());
        Long gid = p.id("gid");
        String module = p.get("module");
        List<Map<String, Object>> products = store.products.values().stream()
                .filter(x -> wanted == null || wanted.contains(x.pid))
                .filter(x -> gid == null || x.gid == gid)
                .filter(x -> module == null || module.isEmpty())
                .map(this::productJson)
                .toList();
        Map<String, Object> body = success();
        body.put("totalresults", products.size());
        body.put("products", products.isEmpty() ? "" : Map.of("product", products));
        return body;
    }

    private Map<String, Object> productJson(WhmcsStore.Product x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", x.pid);
        m.put("gid", x.gid);
        m.put("type", "other");
        m.put("name", x.name);
        m.put("slug", x.slug);
        m.put("product-url", "https://portal.sandbox/store/" + x.groupname.toLowerCase(Locale.ROOT) + "/" + x.slug);
        m.put("description", x.description);
        m.put("module", "");
        m.put("paytype", "recurring");
        m.put("allowqty", 0);
        m.put("quantity_available", 0);
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("prefix", state.settings().currencyPrefix());
        price.put("suffix", state.settings().currencySuffix());
        for (String fee : List.of("msetupfee", "qsetupfee", "ssetupfee", "asetupfee", "bsetupfee", "tsetupfee")) {
            price.put(fee, "0.00");
        }
        price.put("monthly", amount(x.monthly));
        for (String cycle : List.of("quarterly", "semiannually", "annually", "biennially", "triennially")) {
            price.put(cycle, "-1.00");
        }
        m.put("pricing", Map.of(state.settings().currencyCode(), price));
        m.put("customfields", Map.of("customfield", x.customfields.stream()
                .map(f -> linked("id", f.id(), "name", f.name(), "description", f.description(), "required", "on"))
                .toList()));
        m.put("configoptions", Map.of("configoption", List.of()));
        return m;
    }

    // ---- invoices and pay methods

    private Map<String, Object> getInvoices(WhmcsStore store, WhmcsParams p) {
        Long userId = p.id("userid");
        String status = p.get("status");
        LocalDate today = state.today();
        Predicate<WhmcsStore.Invoice> byStatus = status == null ? i -> true
                : status.equalsIgnoreCase("Overdue") ? i -> i.status.equals("Unpaid") && i.duedate.isBefore(today)
                : i -> i.status.equalsIgnoreCase(status);
        // invoice numbers are empty in the sandbox, so "invoicenumber" orders by id
        Comparator<WhmcsStore.Invoice> order = switch (p.getOr("orderby", "id").toLowerCase(Locale.ROOT)) {
            case "date" -> Comparator.comparing((WhmcsStore.Invoice i) -> i.date).thenComparingLong(i -> i.id);
            case "duedate" -> Comparator.comparing((WhmcsStore.Invoice i) -> i.duedate).thenComparingLong(i -> i.id);
            case "total" -> Comparator.comparing(WhmcsStore.Invoice::total).thenComparingLong(i -> i.id);
            case "status" -> Comparator.comparing((WhmcsStore.Invoice i) -> i.status).thenComparingLong(i -> i.id);
            default -> Comparator.comparingLong((WhmcsStore.Invoice i) -> i.id);
        };
        if ("desc".equalsIgnoreCase(p.get("order"))) {
            order = order.reversed();
        }
        List<WhmcsStore.Invoice> matching = store.invoices.values().stream()
                .filter(i -> userId == null || i.userid == userId)
                .filter(byStatus)
                .sorted(order)
                .toList();
        int start = p.number("limitstart", 0);
        int limit = p.number("limitnum", 25);
        List<Map<String, Object>> page = matching.stream().skip(start).limit(limit).map(i -> invoiceListJson(store, i)).toList();
        Map<String, Object> body = success();
        body.put("totalresults", matching.size());
        body.put("startnumber", start);
        body.put("numreturned", page.size());
        body.put("invoices", page.isEmpty() ? "" : Map.of("invoice", page));
        return body;
    }

    private Map<String, Object> invoiceListJson(WhmcsStore store, WhmcsStore.Invoice i) {
        WhmcsStore.Client c = store.clients.get(i.userid);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id);
        m.put("userid", i.userid);
        m.put("firstname", c == null ? "" : c.firstname);
        m.put("lastname", c == null ? "" : c.lastname);
        m.put("companyname", c == null ? "" : c.companyname);
        m.put("invoicenum", "");
        m.put("date", date(i.date));
        m.put("duedate", date(i.duedate));
        m.put("datepaid", datetime(i.datepaid));
        m.put("last_capture_attempt", "0000-00-00 00:00:00");
        m.put("date_refunded", "0000-00-00 00:00:00");
        m.put("date_cancelled", "0000-00-00 00:00:00");
        putTotals(m, i);
        m.put("taxrate", "0.000");
        m.put("taxrate2", "0.000");
        m.put("status", i.status);
        m.put("paymentmethod", i.paymentmethod);
        m.put("paymethodid", null);
        m.put("notes", i.notes);
        m.put("created_at", datetime(i.createdAt));
        m.put("updated_at", datetime(i.updatedAt));
        m.put("currencycode", state.settings().currencyCode());
        m.put("currencyprefix", state.settings().currencyPrefix());
        m.put("currencysuffix", state.settings().currencySuffix());
        return m;
    }

    private static void putTotals(Map<String, Object> m, WhmcsStore.Invoice i) {
        m.put("subtotal", amount(i.total()));
        m.put("credit", "0.00");
        m.put("tax", "0.00");
        m.put("tax2", "0.00");
        m.put("total", amount(i.total()));
    }

    private Map<String, Object> getInvoice(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("invoiceid");
        WhmcsStore.Invoice i = id == null ? null : store.invoices.get(id);
        if (i == null) {
            throw new Failure("Invoice ID Not Found");
        }
        Map<String, Object> body = success();
        body.put("invoiceid", i.id);
        body.put("invoicenum", "");
        body.put("userid", i.userid);
        body.put("date", date(i.date));
        body.put("duedate", date(i.duedate));
        body.put("datepaid", datetime(i.datepaid));
        body.put("lastcaptureattempt", "0000-00-00 00:00:00");
        putTotals(body, i);
        body.put("balance", amount(i.total().subtract(i.paid()).max(BigDecimal.ZERO)));
        body.put("taxrate", "0.00");
        body.put("taxrate2", "0.00");
        body.put("status", i.status);
        body.put("paymentmethod", i.paymentmethod);
        body.put("notes", i.notes);
        body.put("ccgateway", "stripe".equals(i.paymentmethod));
        body.put("items", Map.of("item", i.items.stream()
                .map(it -> linked("id", it.id(), "type", it.type(), "relid", it.relid(), "description", it.description(),
                        "amount", amount(it.amount()), "taxed", 0))
                .toList()));
        body.put("transactions", i.transactions.isEmpty() ? "" : Map.of("transaction", i.transactions.stream()
                .map(t -> linked("id", t.id(), "userid", t.userid(), "currency", 0, "gateway", t.gateway(),
                        "date", datetime(t.date()), "description", t.description(), "amountin", amount(t.amountin()),
                        "fees", "0.00", "amountout", "0.00", "rate", "1.00000", "transid", t.transid(),
                        "invoiceid", t.invoiceid(), "refundid", 0))
                .toList()));
        return body;
    }

    private Map<String, Object> getPayMethods(WhmcsStore store, WhmcsParams p) {
        Long clientId = p.id("clientid");
        if (clientId == null) {
            throw new Failure("Client ID Is Required");
        }
        if (!store.clients.containsKey(clientId)) {
            throw new Failure("Client Not Found");
        }
        String type = p.get("type");
        if (type != null && !type.equals("BankAccount") && !type.equals("CreditCard")) {
            throw new Failure("Invalid Pay Method Type. Should be 'BankAccount' or 'CreditCard'");
        }
        Long payMethodId = p.id("paymethodid");
        List<Map<String, Object>> methods = new ArrayList<>();
        for (WhmcsStore.PayMethod pm : store.payMethods.values()) {
            boolean bank = pm.type().endsWith("BankAccount");
            if (pm.clientid() != clientId || (payMethodId != null && pm.id() != payMethodId)
                    || (type != null && bank != type.equals("BankAccount"))) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", pm.id());
            m.put("type", pm.type());
            m.put("description", pm.description());
            m.put("gateway_name", pm.gatewayName());
            m.put("contact_type", "Client");
            m.put("contact_id", pm.clientid());
            if (bank) {
                m.put("bank_name", pm.bankName());
            } else {
                m.put("card_last_four", pm.cardLastFour());
                m.put("expiry_date", pm.expiryDate());
                m.put("start_date", "");
                m.put("issue_number", "");
                m.put("card_type", pm.cardType());
            }
            m.put("remote_token", pm.remoteToken());
            m.put("last_updated", pm.lastUpdated());
            methods.add(m);
        }
        Map<String, Object> body = success();
        body.put("clientid", Long.toString(clientId));
        body.put("paymethods", methods);
        return body;
    }

    /** AddPayMethod (WHMCS 7.8+): a card (local or remote) or a bank account for a client. */
    private Map<String, Object> addPayMethod(WhmcsStore store, WhmcsParams p) {
        Long clientId = p.id("clientid");
        if (clientId == null) {
            throw new Failure("Client ID Is Required");
        }
        if (!store.clients.containsKey(clientId)) {
            throw new Failure("Invalid Client ID");
        }
        String type = p.getOr("type", "CreditCard");
        if (!List.of("BankAccount", "CreditCard", "RemoteCreditCard").contains(type)) {
            throw new Failure("Invalid Pay Method Type. Type should be one of 'BankAccount', 'CreditCard', or 'RemoteCreditCard'");
        }
        List<String> gateways = state.settings().paymentMethods();
        String gateway = p.get("gateway_module_name");
        if (gateway != null && !gateways.contains(gateway)) {
            throw new Failure("Invalid Gateway Module Name. Must be one of: " + String.join(", ", gateways));
        }
        boolean bank = type.equals("BankAccount");
        if (type.equals("RemoteCreditCard") && gateway == null) {
            throw new Failure("Gateway is Required for RemoteCreditCard type");
        }
        String fallback = bank ? "banktransfer" : "stripe";
        String gatewayName = gateway != null ? gateway : gateways.contains(fallback) ? fallback : gateways.getFirst();
        String lastUpdated = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(state.now());
        long id = store.payMethods.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        String description = p.getOr("description", "");
        WhmcsStore.PayMethod method;
        if (bank) {
            if (p.get("bank_code") == null) {
                throw new Failure("Routing number is required");
            }
            if (p.get("bank_account") == null) {
                throw new Failure("Account number is required");
            }
            method = new WhmcsStore.PayMethod(id, clientId, type, description, gatewayName, null, null, null,
                    p.getOr("bank_name", ""), "", lastUpdated);
        } else {
            String number = p.get("card_number");
            if (number == null) {
                throw new Failure("Card Number is required for 'CreditCard' or 'RemoteCreditCard' type");
            }
            String expiry = p.get("card_expiry");
            if (expiry == null) {
                throw new Failure("Expiry Date is required for 'CreditCard' or 'RemoteCreditCard' type");
            }
            if (!expiry.matches("(0[1-9]|1[0-2])\\d{2}")) {
                throw new Failure("Expiry Date is invalid");
            }
            String digits = number.replaceAll("\\D", "");
            String cardType = digits.startsWith("4") ? "Visa" : digits.startsWith("5") ? "MasterCard"
                    : digits.startsWith("3") ? "American Express" : "Card";
            method = new WhmcsStore.PayMethod(id, clientId, type, description, gatewayName,
                    digits.substring(Math.max(0, digits.length() - 4)), expiry.substring(0, 2) + "/" + expiry.substring(2), cardType,
                    null, type.equals("RemoteCreditCard") ? "tok_sandbox_" + id : "", lastUpdated);
        }
        store.payMethods.put(id, method);
        if (p.flag("set_as_default") || store.clients.get(clientId).defaultgateway.isEmpty()) {
            store.clients.get(clientId).defaultgateway = gatewayName;
        }
        Map<String, Object> body = success();
        body.put("clientid", Long.toString(clientId));
        body.put("paymethodid", Long.toString(id));
        return body;
    }

    // ---- orders

    private Map<String, Object> addOrder(WhmcsStore store, WhmcsParams p) {
        Long clientId = p.id("clientid");
        WhmcsStore.Client c = clientId == null ? null : store.clients.get(clientId);
        if (c == null) {
            throw new Failure("Client ID Not Found");
        }
        if (c.status.equals("Closed")) {
            throw new Failure("Unable to add order when client status is Closed");
        }
        String gateway = p.get("paymentmethod");
        List<String> gateways = state.settings().paymentMethods();
        if (gateway == null || !gateways.contains(gateway)) {
            throw new Failure("Invalid Payment Method. Valid options include " + String.join(",", gateways));
        }
        List<String> pids = p.list("pid");
        List<String> cycles = p.list("billingcycle");
        List<String> domains = p.list("domain");
        List<String> quantities = p.list("qty");
        List<WhmcsStore.Product> lines = new ArrayList<>();
        List<Integer> lineIndexes = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            String pid = pids.get(i);
            WhmcsStore.Product product = pid.isEmpty() ? null : pid.matches("\\d+") ? store.products.get(Long.parseLong(pid)) : null;
            if (product != null) {
                lines.add(product);
                lineIndexes.add(i);
            }
        }
        if (lines.isEmpty()) {
            throw new Failure("No items added to cart so order cannot proceed");
        }
        LocalDate today = state.today();
        WhmcsStore.Order order = new WhmcsStore.Order();
        order.id = store.nextOrderId++;
        order.ordernum = Long.toString(4_567_890_000L + order.id);
        order.clientid = c.id;
        order.date = state.now();
        order.status = "Pending";
        order.paymentmethod = gateway;
        List<WhmcsStore.Service> created = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            WhmcsStore.Product product = lines.get(n);
            int index = lineIndexes.get(n);
            String cycle = WhmcsParams.at(cycles, index);
            String display = cycle == null ? "Monthly" : CYCLES.getOrDefault(cycle.toLowerCase(Locale.ROOT), "Monthly");
            if (!display.equals("Monthly") && !display.equals("Free Account")) {
                display = "Monthly";
            }
            String qtyText = WhmcsParams.at(quantities, index);
            int qty = qtyText != null && qtyText.matches("\\d+") ? Math.max(1, Integer.parseInt(qtyText)) : 1;
            for (int q = 0; q < qty; q++) {
                WhmcsStore.Service s = new WhmcsStore.Service();
                s.id = store.nextServiceId++;
                s.clientid = c.id;
                s.orderid = order.id;
                s.pid = product.pid;
                s.regdate = today;
                s.domain = Optional.ofNullable(WhmcsParams.at(domains, index)).orElse("");
                BigDecimal price = display.equals("Free Account") ? BigDecimal.ZERO : product.monthly;
                s.firstpaymentamount = price;
                s.recurringamount = price;
                s.paymentmethod = gateway;
                s.billingcycle = display;
                s.nextduedate = today;
                s.status = "Pending";
                Map<Long, String> given = p.serializedArray("customfields", index);
                for (WhmcsStore.CustomField f : product.customfields) {
                    if (given.containsKey(f.id())) {
                        s.customvalues.put(f.id(), given.get(f.id()));
                    } else if (f.name().equals(WhmcsSeed.MSISDN)) {
                        s.customvalues.put(f.id(), s.domain);
                    }
                }
                store.services.put(s.id, s);
                created.add(s);
                order.serviceids.add(s.id);
            }
        }
        if (!p.flag("noinvoice")) {
            WhmcsStore.Invoice invoice = new WhmcsStore.Invoice();
            invoice.id = store.nextInvoiceId++;
            invoice.userid = c.id;
            invoice.date = today;
            invoice.duedate = today;
            invoice.status = "Unpaid";
            invoice.paymentmethod = gateway;
            invoice.createdAt = state.now();
            invoice.updatedAt = invoice.createdAt;
            for (WhmcsStore.Service s : created) {
                invoice.items.add(new WhmcsStore.Item(store.nextItemId++, "Hosting", s.id,
                        WhmcsState.itemDescription(store.products.get(s.pid), s, today), s.firstpaymentamount));
            }
            store.invoices.put(invoice.id, invoice);
            order.invoiceid = invoice.id;
        }
        store.orders.put(order.id, order);
        Map<String, Object> body = success();
        body.put("orderid", Long.toString(order.id));
        body.put("serviceids", order.serviceids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        body.put("addonids", "");
        body.put("domainids", "");
        body.put("invoiceid", order.invoiceid == 0 ? "0" : Long.toString(order.invoiceid));
        return body;
    }

    private Map<String, Object> acceptOrder(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("orderid");
        WhmcsStore.Order order = id == null ? null : store.orders.get(id);
        if (order == null || !order.status.equals("Pending")) {
            throw new Failure("Order ID not found or Status not Pending");
        }
        order.status = "Active";
        for (long serviceId : order.serviceids) {
            WhmcsStore.Service s = store.services.get(serviceId);
            if (s != null && s.status.equals("Pending")) {
                s.status = "Active";
            }
        }
        return success();
    }

    /** CancelOrder: a Pending order and its Pending services become Cancelled, its Unpaid invoice too. */
    private Map<String, Object> cancelOrder(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("orderid");
        WhmcsStore.Order order = id == null ? null : store.orders.get(id);
        if (order == null || !order.status.equals("Pending")) {
            throw new Failure("Order ID not found or Status not Pending");
        }
        order.status = "Cancelled";
        for (long serviceId : order.serviceids) {
            WhmcsStore.Service s = store.services.get(serviceId);
            if (s != null && s.status.equals("Pending")) {
                s.status = "Cancelled";
            }
        }
        WhmcsStore.Invoice invoice = store.invoices.get(order.invoiceid);
        if (invoice != null && invoice.status.equals("Unpaid")) {
            invoice.status = "Cancelled";
            invoice.updatedAt = state.now();
        }
        return success();
    }

    /** GetOrders: by {@code id}, {@code userid} and {@code status}, newest first, paged; {@code orders.order[]}. */
    private Map<String, Object> getOrders(WhmcsStore store, WhmcsParams p) {
        Long id = p.id("id");
        Long userId = p.id("userid");
        String status = p.get("status");
        List<WhmcsStore.Order> matching = store.orders.values().stream()
                .filter(o -> id == null || o.id == id)
                .filter(o -> userId == null || o.clientid == userId)
                .filter(o -> status == null || o.status.equalsIgnoreCase(status))
                .sorted(Comparator.comparingLong((WhmcsStore.Order o) -> o.id).reversed())
                .toList();
        int start = p.number("limitstart", 0);
        int limit = p.number("limitnum", 25);
        List<Map<String, Object>> page = matching.stream().skip(start).limit(limit).map(o -> orderJson(store, o)).toList();
        Map<String, Object> body = success();
        body.put("totalresults", matching.size());
        body.put("startnumber", start);
        body.put("numreturned", page.size());
        body.put("orders", page.isEmpty() ? "" : Map.of("order", page));
        return body;
    }

    private Map<String, Object> orderJson(WhmcsStore store, WhmcsStore.Order o) {
        WhmcsStore.Client c = store.clients.get(o.clientid);
        WhmcsStore.Invoice invoice = store.invoices.get(o.invoiceid);
        List<WhmcsStore.Service> services = o.serviceids.stream().map(store.services::get).filter(java.util.Objects::nonNull).toList();
        BigDecimal total = services.stream().map(s -> s.firstpaymentamount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id);
        m.put("ordernum", Long.parseLong(o.ordernum));
        m.put("userid", o.clientid);
        m.put("contactid", 0);
        m.put("requestor_id", o.clientid);
        m.put("admin_requestor_id", 0);
        m.put("date", datetime(o.date));
        m.put("nameservers", "");
        m.put("transfersecret", "");
        m.put("renewals", "");
        m.put("promocode", "");
        m.put("promotype", "");
        m.put("promovalue", "");
        m.put("orderdata", "[]");
        m.put("amount", amount(total));
        m.put("paymentmethod", o.paymentmethod);
        m.put("invoiceid", o.invoiceid);
        m.put("status", o.status);
        m.put("ipaddress", "");
        m.put("fraudmodule", "");
        m.put("fraudoutput", "");
        m.put("notes", "");
        m.put("paymentmethodname", GATEWAY_NAMES.getOrDefault(o.paymentmethod, o.paymentmethod));
        m.put("paymentstatus", invoice == null ? "" : invoice.status);
        m.put("name", c == null ? "" : c.fullname());
        m.put("currencyprefix", state.settings().currencyPrefix());
        m.put("currencysuffix", state.settings().currencySuffix());
        m.put("frauddata", "");
        m.put("validationdata", "");
        List<Map<String, Object>> items = services.stream().map(s -> {
            WhmcsStore.Product product = store.products.get(s.pid);
            return linked("type", "product", "relid", s.id, "producttype", "Other Product/Service",
                    "product", product.groupname + " - " + product.name, "domain", s.domain, "billingcycle", s.billingcycle,
                    "amount", amount(s.firstpaymentamount), "status", s.status);
        }).toList();
        m.put("lineitems", Map.of("lineitem", items));
        return m;
    }

    // ---- single sign-on

    private Map<String, Object> createSsoToken(WhmcsStore store, WhmcsParams p, String baseUrl) {
        Long clientId = p.id("client_id");
        Long userId = p.id("user_id");
        if (clientId == null && userId == null) {
            throw new Failure("A valid client_id or user_id is required");
        }
        if (clientId != null && !store.clients.containsKey(clientId)) {
            throw new Failure("Invalid client_id");
        }
        if (userId != null && !store.clients.containsKey(userId)) {
            throw new Failure("Invalid user_id");
        }
        long subject = clientId != null ? clientId : userId;
        String destination = p.get("destination");
        String path;
        if (destination == null) {
            path = "clientarea.php";
        } else if (destination.equals("sso:custom_redirect")) {
            String custom = p.get("sso_redirect_path");
            if (custom == null || custom.contains("://") || custom.startsWith("//")) {
                throw new Failure("Invalid destination");
            }
            path = custom.replaceFirst("^/+", "");
        } else if (DESTINATIONS.containsKey(destination)) {
            path = DESTINATIONS.get(destination);
            if (destination.equals("clientarea:product_details")) {
                Long serviceId = p.id("service_id");
                if (serviceId == null || !store.services.containsKey(serviceId) || store.services.get(serviceId).clientid != subject) {
                    throw new Failure("Invalid destination");
                }
                path += "&id=" + serviceId;
            }
        } else {
            throw new Failure("Invalid destination");
        }
        if (store.clients.get(subject).status.equals("Closed")) {
            throw new Failure("SSO authentication blocked for client " + subject);
        }
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        store.ssoTokens.values().removeIf(t -> t.expires().isBefore(state.clock().instant()));
        store.ssoTokens.put(token, new WhmcsStore.SsoToken(token, subject, path,
                state.clock().instant().plus(state.settings().ssoTokenLifetime())));
        Map<String, Object> body = success();
        body.put("access_token", token);
        body.put("redirect_url", baseUrl + "/oauth/singlesignon.php?access_token=" + token);
        return body;
    }

    /** Redeems a single-sign-on token once: its client and destination, or empty when invalid, used or expired. */
    Optional<WhmcsStore.SsoToken> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return state.apply(store -> {
            WhmcsStore.SsoToken sso = store.ssoTokens.remove(token);
            if (sso == null || sso.expires().isBefore(state.clock().instant())) {
                return Optional.empty();
            }
            return Optional.of(sso);
        });
    }

    /** The name of a client, for the simulated client area page. */
    Optional<String> clientName(long clientId) {
        return state.apply(store -> Optional.ofNullable(store.clients.get(clientId)).map(WhmcsStore.Client::fullname));
    }

    // ---- helpers

    private static void require(WhmcsParams p, String field, String message) {
        if (p.get(field) == null) {
            throw new Failure(message);
        }
    }

    private static Map<String, Object> success() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "success");
        return body;
    }

    static String amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String date(LocalDate value) {
        return value == null ? "0000-00-00" : DATE.format(value);
    }

    static String datetime(LocalDateTime value) {
        return value == null ? "0000-00-00 00:00:00" : DATETIME.format(value);
    }

    private static String phoneCountryCode(String country) {
        return switch (country) {
            case "JP" -> "81";
            case "US", "CA" -> "1";
            case "GB" -> "44";
            case "DE" -> "49";
            case "FR" -> "33";
            case "AU" -> "61";
            default -> "";
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> linked(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }
}
