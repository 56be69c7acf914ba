package dev.portal.clients.whmcs;

/**
 * GetInvoices filters and paging. {@code status} is an invoice status or the virtual {@code Overdue} (Unpaid and
 * past due); {@code orderBy} one of {@code id, invoicenumber, date, duedate, total, status}; {@code order}
 * {@code asc} or {@code desc}. Nulls leave WHMCS's defaults.
 */
public record InvoicesQuery(Long userId, String status, int limitStart, int limitNum, String orderBy, String order) {

    public InvoicesQuery {
        if (limitStart < 0 || limitNum < 1) {
            throw new IllegalArgumentException("limitStart must be >= 0 and limitNum >= 1");
        }
    }

    public static InvoicesQuery ofClient(long clientId) {
        return new InvoicesQuery(clientId, null, 0, 25, null, null);
    }

    public InvoicesQuery withStatus(String value) {
        return new InvoicesQuery(userId, value, limitStart, limitNum, orderBy, order);
    }

    public InvoicesQuery page(int start, int size) {
        return new InvoicesQuery(userId, status, start, size, orderBy, order);
    }

    public InvoicesQuery orderedBy(String field, String direction) {
        return new InvoicesQuery(userId, status, limitStart, limitNum, field, direction);
    }
}
