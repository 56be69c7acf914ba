package dev.portal.billing.dashboard;

import dev.portal.billing.config.BillingProperties;
import dev.portal.billing.customer.Customer;
import dev.portal.billing.invoices.InvoiceManagement;
import dev.portal.billing.invoices.UnpaidInvoices;
import dev.portal.billing.money.Money;
import dev.portal.billing.subscriptions.Subscription;
import dev.portal.billing.subscriptions.SubscriptionManagement;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together from its four sources, all asked at once on virtual threads: recent orders
 * (order-service), unpaid invoices (WHMCS through the shared cache), active services (WHMCS), open cases
 * (case-service). Each source has {@code portal.billing.dashboard.source-timeout} from the start; one that fails
 * or is late is marked unavailable and the others are answered all the same. The request's trace goes along to
 * every source. Metric: {@code portal.billing.dashboard.sources{source, outcome=ok|timeout|failed}} (a timer).
 */
@Service
class DashboardAssembly implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardAssembly.class);

    private final OrderHistory orders;
    private final CaseList cases;
    private final InvoiceManagement invoices;
    private final SubscriptionManagement subscriptions;
    private final BillingProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService sources = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("dashboard-", 0).factory());
    private final ContextSnapshotFactory contexts = ContextSnapshotFactory.builder().build();

    DashboardAssembly(OrderHistory orders, CaseList cases, InvoiceManagement invoices, SubscriptionManagement subscriptions,
                      BillingProperties properties, Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.cases = cases;
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    DashboardView assemble(Customer customer, String bearer) {
        BillingProperties.Dashboard settings = properties.dashboard();
        LocalDate since = LocalDate.now(clock).minusDays(settings.recentOrderDays());
        int limit = settings.sectionItems();
        long deadline = System.nanoTime() + settings.sourceTimeout().toNanos();

        Source<DashboardView.RecentOrders> recentOrders = start("orders",
                () -> orders.since(bearer, since, properties.timeZone(), settings.recentOrderDays(), limit));
        Source<DashboardView.UnpaidInvoices> unpaid = start("invoices", () -> unpaid(invoices.unpaid(customer)));
        Source<DashboardView.ActiveServices> active = start("services", () -> active(subscriptions.all(customer), limit));
        Source<DashboardView.OpenCases> open = start("cases", () -> cases.open(bearer, limit));

        return new DashboardView(clock.instant(),
                recentOrders.await(deadline, DashboardView.RecentOrders::unavailable),
                unpaid.await(deadline, DashboardView.UnpaidInvoices::unavailable),
                active.await(deadline, DashboardView.ActiveServices::unavailable),
                open.await(deadline, DashboardView.OpenCases::unavailable));
    }

    private static DashboardView.UnpaidInvoices unpaid(UnpaidInvoices unpaid) {
        return new DashboardView.UnpaidInvoices(true, null, unpaid.count(), Money.of(unpaid.total(), unpaid.currency()),
                unpaid.overdueCount(), Money.of(unpaid.overdueTotal(), unpaid.currency()));
    }

    private static DashboardView.ActiveServices active(List<Subscription> all, int limit) {
        List<DashboardView.Service> active = all.stream().filter(Subscription::active)
                .map(s -> new DashboardView.Service(s.id(), s.product(), s.sim(), s.msisdn(), s.nextDueOn())).toList();
        return new DashboardView.ActiveServices(true, null, active.size(), active.subList(0, Math.min(limit, active.size())));
    }

    private <T> Source<T> start(String name, Callable<T> fetch) {
        long started = System.nanoTime();
        return new Source<>(name, started, sources.submit(contexts.captureAll().wrap(fetch)));
    }

    /** One source under way. */
    private final class Source<T> {
        private final String name;
        private final long started;
        private final Future<T> result;

        Source(String name, long started, Future<T> result) {
            this.name = name;
            this.started = started;
            this.result = result;
        }

        T await(long deadline, Function<DashboardView.Unavailable, T> unavailable) {
            try {
                T value = result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                record("ok");
                return value;
            } catch (TimeoutException e) {
                result.cancel(true);
                record("timeout");
                log.warn("dashboard source {} did not answer within {}: marked unavailable", name, properties.dashboard().sourceTimeout());
                return unavailable.apply(DashboardView.Unavailable.TIMEOUT);
            } catch (ExecutionException e) {
                record("failed");
                log.warn("dashboard source {} failed: marked unavailable: {}", name, e.getCause().toString());
                return unavailable.apply(DashboardView.Unavailable.FAILED);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                record("failed");
                return unavailable.apply(DashboardView.Unavailable.FAILED);
            }
        }

        private void record(String outcome) {
            Timer.builder("portal.billing.dashboard.sources").tag("source", name).tag("outcome", outcome)
                    .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public void destroy() {
        sources.shutdownNow();
    }
}
