package dev.portal.sandbox.whmcs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The WHMCS part of the sandbox data set ({@code docs/sandbox.md}): five clients, eight products, the services of
 * Hanako Yamada and Aiko Tanaka, their invoices and pay methods. Invoice dates are relative to "today" so that
 * Hanako's unpaid invoice is never overdue and Aiko's always is.
 */
final class WhmcsSeed {

    static final String PASSWORD = "Sandbox-Pass-1";
    /** The custom field of SIM products holding the line's MSISDN (id {@code pid * 10 + 1}). */
    static final String MSISDN = "MSISDN";
    /** The custom field of every product holding the portal's order reference (id {@code pid * 10 + 2}). */
    static final String ORDER_REFERENCE = "Portal Order";

    private WhmcsSeed() {
    }

    static WhmcsStore create(LocalDate today) {
        WhmcsStore store = new WhmcsStore();
        client(store, 1, "Hanako", "Yamada", "hanako.yamada@example.jp", "1-2-3 Jingumae", "Shibuya-ku", "Tokyo", "150-0001", "090-1234-5678", "Active", "stripe");
        client(store, 2, "Taro", "Suzuki", "taro.suzuki@example.jp", "4-5-6 Umeda", "Kita-ku", "Osaka", "530-0001", "080-2345-6789", "Active", "");
        client(store, 3, "Aiko", "Tanaka", "aiko.tanaka@example.jp", "7-8-9 Sakae", "Naka-ku", "Aichi", "460-0008", "070-3456-7890", "Active", "banktransfer");
        client(store, 4, "Ken", "Sato", "ken.sato@example.jp", "2-3-4 Tenjin", "Chuo-ku", "Fukuoka", "810-0001", "090-4567-8901", "Closed", "stripe");
        client(store, 5, "Mika", "Ito", "mika.ito@example.jp", "3-4-5 Kita 1-jo Nishi", "Chuo-ku", "Hokkaido", "060-0001", "080-5678-9012", "Active", "");
        store.nextClientId = 6;

        product(store, 1, 1, "Internet", "Hikari FTTH 1G", "5280.00", false);
        product(store, 2, 1, "Internet", "Hikari FTTH 10G", "6380.00", false);
        product(store, 10, 2, "SIM", "SIM Data 3GB", "990.00", true);
        product(store, 11, 2, "SIM", "SIM Data+Voice 10GB", "1980.00", true);
        product(store, 12, 2, "SIM", "SIM Data+Voice 20GB", "2980.00", true);
        product(store, 13, 2, "SIM", "SIM Family Data+Voice 5GB", "780.00", true);
        product(store, 20, 3, "VPN", "Secure VPN", "550.00", false);
        product(store, 30, 1, "Internet", "Legacy ADSL 50M", "3000.00", false);

        LocalDate nextDue = today.withDayOfMonth(1).plusMonths(1);
        service(store, 1, 1, 1, 1, "", "stripe", LocalDate.of(2024, 4, 1), nextDue);
        service(store, 2, 1, 1, 11, "09012345678", "stripe", LocalDate.of(2024, 4, 1), nextDue);
        service(store, 3, 3, 2, 10, "08011112222", "banktransfer", LocalDate.of(2024, 9, 1), nextDue);
        service(store, 4, 3, 2, 12, "07033334444", "banktransfer", LocalDate.of(2025, 2, 1), nextDue);
        store.nextServiceId = 5;

        order(store, 1, 1, "stripe", List.of(1L, 2L), 1);
        order(store, 2, 3, "banktransfer", List.of(3L, 4L), 0);
        store.nextOrderId = 3;

        LocalDate thisMonth = today.withDayOfMonth(1);
        invoice(store, 1, 1, "stripe", thisMonth.minusMonths(2), thisMonth.minusMonths(2).plusDays(7), true, List.of(1L, 2L));
        invoice(store, 2, 1, "stripe", thisMonth.minusMonths(1), thisMonth.minusMonths(1).plusDays(7), true, List.of(1L, 2L));
        invoice(store, 3, 1, "stripe", today.minusDays(7), today.plusDays(14), false, List.of(1L, 2L));
        invoice(store, 4, 3, "banktransfer", today.minusDays(30), today.minusDays(10), false, List.of(3L, 4L));
        store.nextInvoiceId = 5;

        store.payMethods.put(1L, new WhmcsStore.PayMethod(1, 1, "RemoteCreditCard", "Visa ending 4242", "stripe", "4242",
                "12/29", "Visa", null, "{\"customer\":\"cus_sandbox_hanako\",\"method\":\"pm_sandbox_visa4242\"}", "01/04/2024 10:00"));
        store.payMethods.put(2L, new WhmcsStore.PayMethod(2, 3, "BankAccount", "MUFG Bank ordinary account", "", null,
                null, null, "MUFG Bank", "", "01/09/2024 10:00"));
        return store;
    }

    private static void client(WhmcsStore store, long id, String first, String last, String email, String address1, String city,
                               String state, String postcode, String phone, String status, String gateway) {
        WhmcsStore.Client c = new WhmcsStore.Client();
        c.id = id;
        c.uuid = UUID.nameUUIDFromBytes(("whmcs-client-" + id).getBytes()).toString();
        c.firstname = first;
        c.lastname = last;
        c.email = email;
        c.address1 = address1;
        c.city = city;
        c.state = state;
        c.postcode = postcode;
        c.country = "JP";
        c.phonenumber = phone;
        c.password = PASSWORD;
        c.status = status;
        c.defaultgateway = gateway;
        c.created = LocalDate.of(2024, 4, 1).plusDays(id * 30);
        store.clients.put(id, c);
    }

    private static void product(WhmcsStore store, long pid, long gid, String group, String name, String monthly, boolean sim) {
        WhmcsStore.Product p = new WhmcsStore.Product();
        p.pid = pid;
        p.gid = gid;
        p.groupname = group;
        p.name = name;
        p.slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        p.description = name + " (monthly)";
        p.monthly = new BigDecimal(monthly);
        WhmcsStore.CustomField reference = new WhmcsStore.CustomField(pid * 10 + 2, ORDER_REFERENCE,
                "The portal's order reference (Salesforce Order id)");
        p.customfields = sim ? List.of(new WhmcsStore.CustomField(pid * 10 + 1, MSISDN, "Mobile number (11 digits)"), reference)
                : List.of(reference);
        store.products.put(pid, p);
    }

    private static void service(WhmcsStore store, long id, long clientId, long orderId, long pid, String msisdn, String gateway,
                                LocalDate regdate, LocalDate nextDue) {
        WhmcsStore.Product p = store.products.get(pid);
        WhmcsStore.Service s = new WhmcsStore.Service();
        s.id = id;
        s.clientid = clientId;
        s.orderid = orderId;
        s.pid = pid;
        s.regdate = regdate;
        s.domain = msisdn;
        s.firstpaymentamount = p.monthly;
        s.recurringamount = p.monthly;
        s.paymentmethod = gateway;
        s.nextduedate = nextDue;
        s.status = "Active";
        p.customfields.stream().filter(f -> f.name().equals(MSISDN)).forEach(f -> s.customvalues.put(f.id(), msisdn));
        store.services.put(id, s);
    }

    private static void order(WhmcsStore store, long id, long clientId, String gateway, List<Long> services, long invoiceId) {
        WhmcsStore.Order o = new WhmcsStore.Order();
        o.id = id;
        o.ordernum = Long.toString(4_567_890_000L + id);
        o.clientid = clientId;
        o.date = store.clients.get(clientId).created.plusDays(1).atTime(10, 0);
        o.status = "Active";
        o.paymentmethod = gateway;
        o.serviceids.addAll(services);
        o.invoiceid = invoiceId;
        store.orders.put(id, o);
    }

    private static void invoice(WhmcsStore store, long id, long clientId, String gateway, LocalDate date, LocalDate due,
                                boolean paid, List<Long> services) {
        WhmcsStore.Invoice i = new WhmcsStore.Invoice();
        i.id = id;
        i.userid = clientId;
        i.date = date;
        i.duedate = due;
        i.paymentmethod = gateway;
        i.status = "Unpaid";
        i.createdAt = date.atTime(9, 0);
        i.updatedAt = i.createdAt;
        for (long serviceId : services) {
            WhmcsStore.Service s = store.services.get(serviceId);
            WhmcsStore.Product p = store.products.get(s.pid);
            i.items.add(new WhmcsStore.Item(store.nextItemId++, "Hosting", s.id, WhmcsState.itemDescription(p, s, date), s.recurringamount));
        }
        store.invoices.put(id, i);
        if (paid) {
            WhmcsState.markPaid(store, i, gateway, due.minusDays(3).atTime(LocalTime.of(10, 0)));
        }
    }
}
