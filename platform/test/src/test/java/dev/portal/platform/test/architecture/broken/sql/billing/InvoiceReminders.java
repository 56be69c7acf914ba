package dev.portal.platform.test.architecture.broken.sql.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** An application service writing SQL itself instead of calling a repository. */
public class InvoiceReminders {

    private final JdbcClient jdbc;

    public InvoiceReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int remind() {
        return jdbc.sql("update invoices set reminded = true where due < now()").update();
    }
}
