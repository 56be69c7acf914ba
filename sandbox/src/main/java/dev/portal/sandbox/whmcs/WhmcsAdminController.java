package dev.portal.sandbox.whmcs;

import dev.portal.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Scenario endpoints: what an admin or a payment gateway would do inside WHMCS. Errors are problem+json. */
@RestController
@RequestMapping("/sandbox/admin/whmcs")
class WhmcsAdminController {

    private final WhmcsState state;

    WhmcsAdminController(WhmcsState state) {
        this.state = state;
    }

    record Payment(String gateway) {
    }

    record PaidInvoice(long invoiceid, String status, String datepaid) {
    }

    /** The invoice is paid in full (as if the customer paid through the gateway); body optional. */
    @PostMapping("/invoices/{id}/paid")
    PaidInvoice markPaid(@PathVariable long id, @RequestBody(required = false) Payment payment) {
        return state.apply(store -> {
            WhmcsStore.Invoice invoice = store.invoices.get(id);
            if (invoice == null) {
                throw ProblemException.notFound("invoice-not-found", "no WHMCS invoice " + id);
            }
            if (!invoice.status.equals("Unpaid")) {
                throw ProblemException.conflict("invoice-not-unpaid", "invoice " + id + " is " + invoice.status);
            }
            String gateway = payment != null && payment.gateway() != null ? payment.gateway() : invoice.paymentmethod;
            WhmcsState.markPaid(store, invoice, gateway, state.now());
            return new PaidInvoice(id, invoice.status, WhmcsActions.datetime(invoice.datepaid));
        });
    }

    record NewInvoice(@NotBlank String description, @NotNull @DecimalMin("0.00") BigDecimal amount, LocalDate duedate,
                      @Pattern(regexp = "Draft|Unpaid|Paid|Cancelled") String status) {
    }

    record CreatedInvoice(long invoiceid, long userid, String total, String duedate, String status) {
    }

    /** A one-line invoice for the client (Unpaid unless told otherwise; due in 7 days unless told otherwise). */
    @PostMapping("/clients/{id}/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedInvoice addInvoice(@PathVariable long id, @Valid @RequestBody NewInvoice request) {
        return state.apply(store -> {
            WhmcsStore.Client client = client(store, id);
            WhmcsStore.Invoice invoice = new WhmcsStore.Invoice();
            invoice.id = store.nextInvoiceId++;
            invoice.userid = client.id;
            invoice.date = state.today();
            invoice.duedate = request.duedate() != null ? request.duedate() : state.today().plusDays(7);
            invoice.status = "Unpaid";
            invoice.paymentmethod = client.defaultgateway.isEmpty() ? "banktransfer" : client.defaultgateway;
            invoice.createdAt = state.now();
            invoice.updatedAt = invoice.createdAt;
            invoice.items.add(new WhmcsStore.Item(store.nextItemId++, "Item", 0, request.description(), request.amount()));
            store.invoices.put(invoice.id, invoice);
            if ("Paid".equals(request.status())) {
                WhmcsState.markPaid(store, invoice, invoice.paymentmethod, state.now());
            } else if (request.status() != null) {
                invoice.status = request.status();
            }
            return new CreatedInvoice(invoice.id, client.id, WhmcsActions.amount(invoice.total()),
                    WhmcsActions.date(invoice.duedate), invoice.status);
        });
    }

    /** API calls per action since start, the last reset or the last clear, e.g. {@code {"GetInvoices":2}}. */
    @GetMapping("/calls")
    Map<String, Long> calls() {
        return state.calls();
    }

    @DeleteMapping("/calls")
    ResponseEntity<Void> clearCalls() {
        state.clearCalls();
        return ResponseEntity.noContent().build();
    }

    record ClientStatus(@NotNull @Pattern(regexp = "Active|Inactive|Closed") String status) {
    }

    record ClientStatusChanged(long clientid, String status) {
    }

    @PutMapping("/clients/{id}/status")
    ClientStatusChanged setStatus(@PathVariable long id, @Valid @RequestBody ClientStatus request) {
        return state.apply(store -> {
            WhmcsStore.Client client = client(store, id);
            client.status = request.status();
            return new ClientStatusChanged(client.id, client.status);
        });
    }

    private static WhmcsStore.Client client(WhmcsStore store, long id) {
        WhmcsStore.Client client = store.clients.get(id);
        if (client == null) {
            throw ProblemException.notFound("client-not-found", "no WHMCS client " + id);
        }
        return client;
    }
}
