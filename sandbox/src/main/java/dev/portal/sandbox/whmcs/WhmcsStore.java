package dev.portal.sandbox.whmcs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records of one simulated WHMCS installation. Not thread-safe by itself: {@link WhmcsState} hands it out
 * under its lock only.
 */
final class WhmcsStore {

    static final class Client {
        long id;
        String uuid;
        String firstname;
        String lastname;
        String companyname = "";
        String email;
        String address1;
        String address2 = "";
        String city;
        String state;
        String postcode;
        String country;
        String phonenumber;
        String taxId = "";
        String password;
        String status = "Active";
        String defaultgateway = "";
        String notes = "";
        String language = "";
        boolean taxexempt;
        boolean marketingOptIn;
        LocalDate created;
        Map<String, Boolean> emailPreferences = new LinkedHashMap<>(Map.of(
                "general", true, "product", true, "domain", true, "invoice", true, "support", true, "affiliate", true));

        String fullname() {
            return firstname + " " + lastname;
        }
    }

    /** A product's custom field: the MSISDN of SIM products, the portal's order reference on every product. */
    record CustomField(long id, String name, String description) {
    }

    static final class Product {
        long pid;
        long gid;
        String groupname;
        String name;
        String slug;
        String description;
        BigDecimal monthly;
        List<CustomField> customfields = List.of();
    }

    static final class Service {
        long id;
        long clientid;
        long orderid;
        long pid;
        LocalDate regdate;
        String domain = "";
        BigDecimal firstpaymentamount;
        BigDecimal recurringamount;
        String paymentmethod;
        String billingcycle = "Monthly";
        LocalDate nextduedate;
        String status;
        Map<Long, String> customvalues = new TreeMap<>();
    }

    record Item(long id, String type, long relid, String description, BigDecimal amount) {
    }

    record Transaction(long id, long userid, String gateway, LocalDateTime date, String description, BigDecimal amountin,
                       String transid, long invoiceid) {
    }

    static final class Invoice {
        long id;
        long userid;
        LocalDate date;
        LocalDate duedate;
        LocalDateTime datepaid;
        String status;
        String paymentmethod;
        String notes = "";
        LocalDateTime createdAt;
        LocalDateTime updatedAt;
        List<Item> items = new ArrayList<>();
        List<Transaction> transactions = new ArrayList<>();

        BigDecimal total() {
            return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal paid() {
            return transactions.stream().map(Transaction::amountin).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static final class Order {
        long id;
        String ordernum;
        long clientid;
        LocalDateTime date;
        String status;
        String paymentmethod;
        List<Long> serviceids = new ArrayList<>();
        long invoiceid;
    }

    record PayMethod(long id, long clientid, String type, String description, String gatewayName, String cardLastFour,
                     String expiryDate, String cardType, String bankName, String remoteToken, String lastUpdated) {
    }

    record SsoToken(String token, long clientid, String redirectPath, Instant expires) {
    }

    final Map<Long, Client> clients = new TreeMap<>();
    final Map<Long, Product> products = new TreeMap<>();
    final Map<Long, Service> services = new TreeMap<>();
    final Map<Long, Invoice> invoices = new TreeMap<>();
    final Map<Long, Order> orders = new TreeMap<>();
    final Map<Long, PayMethod> payMethods = new TreeMap<>();
    final Map<String, SsoToken> ssoTokens = new LinkedHashMap<>();
    long nextClientId = 1;
    long nextServiceId = 1;
    long nextInvoiceId = 1;
    long nextItemId = 1;
    long nextOrderId = 1;
    long nextTransactionId = 1;

    Optional<Client> clientByEmail(String email) {
        return clients.values().stream().filter(c -> c.email.equalsIgnoreCase(email)).findFirst();
    }
}
