package dev.portal.wishlist;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: run with {@code ./mvnw -pl wishlist-service verify -Pbench}. Seeds 100k wishlists across 1k
 * groups, then measures over HTTP (token validation included) the list for a caller in 1 and in 50 groups, with
 * and without the list indexes, and create throughput with the quota check (one subscription vs eight). Prints a
 * report and the EXPLAIN plans to stdout and {@code target/wishlist-bench.txt}.
 */
class WishlistBench extends WishlistTestBase {

    private static final int WARMUP = 50;
    private static final int MEASURED = 300;
    private final StringBuilder report = new StringBuilder();

    @Test
    void list_latency_and_create_throughput() throws Exception {
        seed();
        String fifty = "bench-fifty";
        String one = "bench-one";
        long firstGroup = jdbc.sql("select min(id) from groups").query(Long.class).single();

        line("## list, %d requests after %d warm-up, per_page=15 (default), newest first", MEASURED, WARMUP);
        line("| caller / query | indexes | p50 ms | p99 ms | max ms | non-200 |");
        line("|---|---|---|---|---|---|");
        String[][] cases = {{one, WISHLISTS, "1 group (100 wishlists), page 1"},
                {fifty, WISHLISTS, "50 groups (5,000 wishlists), page 1"},
                {fifty, WISHLISTS + "?status=1&page=20", "50 groups, status=1, page 20"},
                {fifty, WISHLISTS + "?group_id=" + firstGroup, "50 groups, group_id filter"}};
        for (String[] c : cases) {
            measureList(c[0], c[1], c[2], "with");
        }
        explain(fifty, "with indexes");
        jdbc.sql("drop index wishlist_to_groups_list_idx").update();
        jdbc.sql("drop index wishlist_to_groups_group_id_idx").update();
        jdbc.sql("analyze wishlist_to_groups").update();
        for (String[] c : cases) {
            measureList(c[0], c[1], c[2], "without");
        }
        explain(fifty, "without the list indexes");
        jdbc.sql("create index wishlist_to_groups_list_idx on wishlist_to_groups (group_id, status, id desc)").update();
        jdbc.sql("create index wishlist_to_groups_group_id_idx on wishlist_to_groups (group_id, id desc)").update();
        jdbc.sql("analyze wishlist_to_groups").update();

        line("");
        line("## create with subscription check (cached) and quota lock");
        line("| variant | creates | seconds | creates/s | p99 ms | non-201 |");
        line("|---|---|---|---|---|---|");
        List<Long> groups = jdbc.sql("select group_id from group_members m join users u on u.id = m.user_id"
                + " where u.portal_user_id = ? order by group_id limit 8").param(fifty).query(Long.class).list();
        creates("sequential, 1 subscription", fifty, List.of(groups.getFirst()), 1, 200);
        creates("8 threads, 1 subscription (one usage row: serialised)", fifty, List.of(groups.getFirst()), 8, 400);
        creates("8 threads, 8 subscriptions", fifty, groups, 8, 400);

    }

    private void seed() {
        long started = System.nanoTime();
        jdbc.sql("insert into users (portal_user_id) select 'bench-owner-' || g from generate_series(1, 1000) g").update();
        jdbc.sql("insert into users (portal_user_id) values ('bench-one'), ('bench-fifty')").update();
        jdbc.sql("""
                insert into subscriptions (stripe_subscription_id, status, wishlist_quota, refreshed_at, current_period_end)
                select 'sub_bench_' || g, 'active', 1000000, now(), now() + interval '30 days' from generate_series(1, 1000) g""").update();
        jdbc.sql("insert into subscription_usage (subscription_id, wishlists_used) select id, 100 from subscriptions").update();
        jdbc.sql("""
                insert into groups (name, subscription_id, created_by)
                select 'Group ' || g, s.id, u.id from generate_series(1, 1000) g
                join subscriptions s on s.stripe_subscription_id = 'sub_bench_' || g
                join users u on u.portal_user_id = 'bench-owner-' || g order by g""").update();
        jdbc.sql("insert into group_members (group_id, user_id, role) select id, created_by, 'owner' from groups").update();
        jdbc.sql("""
                insert into group_members (group_id, user_id, role)
                select g.id, u.id, 'member' from (select id from groups order by id limit 50) g
                join users u on u.portal_user_id = 'bench-fifty'""").update();
        jdbc.sql("""
                insert into group_members (group_id, user_id, role)
                select (select min(id) from groups), id, 'member' from users where portal_user_id = 'bench-one'""").update();
        // random order: a group's wishlists are spread over the table, as they are when groups write concurrently
        jdbc.sql("""
                insert into wishlist_to_groups (group_id, created_by, subscription_id, name, slug, status)
                select g.id, g.created_by, g.subscription_id, 'Wishlist ' || n, 'bench-' || g.id || '-' || n,
                       case when n % 10 = 0 then 3 when n % 5 = 0 then 0 else 1 end
                from groups g cross join generate_series(1, 100) n order by random()""").update();
        jdbc.sql("""
                insert into wishlist_summaries (wishlist_id, product_count, item_count, category_count, query_count)
                select id, 3, 5, 2, 1 from wishlist_to_groups""").update();
        jdbc.sql("insert into wishlist_schedules (wishlist_id, frequency) select id, 'none' from wishlist_to_groups").update();
        jdbc.sql("vacuum analyze").update();
        line("seeded %d wishlists in %d groups in %.1f s", count("select count(*) from wishlist_to_groups"),
                count("select count(*) from groups"), (System.nanoTime() - started) / 1e9);
        line("");
    }

    private void measureList(String user, String path, String label, String indexes) {
        for (int i = 0; i < WARMUP; i++) {
            get(path, user); // the first call also fetches the JWKS, which can time out on a loaded machine
        }
        long[] nanos = new long[MEASURED];
        int failed = 0;
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            if (get(path, user).statusCode() != 200) {
                failed++;
            }
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("| %s | %s | %.2f | %.2f | %.2f | %d |", label, indexes, nanos[MEASURED / 2] / 1e6,
                nanos[(int) (MEASURED * 0.99) - 1] / 1e6, nanos[MEASURED - 1] / 1e6, failed);
    }

    private static final String COLUMNS = "w.id, w.name, u.portal_user_id, s.product_count, sc.frequency";
    private static final String JOINS = " join users u on u.id = w.created_by"
            + " left join wishlist_summaries s on s.wishlist_id = w.id left join wishlist_schedules sc on sc.wishlist_id = w.id";
    private static final String FILTER = " where w.group_id in (select m.group_id from group_members m where m.user_id = ?)"
            + " and w.status in (0, 1)";

    /** The shipped query (page ids first, then joins) next to the first version (joins, then limit). */
    private void explain(String user, String label) {
        long userId = jdbc.sql("select id from users where portal_user_id = ?").param(user).query(Long.class).single();
        plan("page ids first, then joins (shipped)", label, userId, "with page as (select w.id from wishlist_to_groups w"
                + FILTER + " order by w.id desc limit 15 offset 0) select " + COLUMNS + " from wishlist_to_groups w"
                + JOINS + " join page on page.id = w.id order by w.id desc");
        plan("joins, then limit (first version)", label, userId, "select " + COLUMNS + " from wishlist_to_groups w" + JOINS
                + FILTER + " order by w.id desc limit 15 offset 0");
    }

    private void plan(String shape, String label, long userId, String sql) {
        for (int i = 0; i < 20; i++) {
            jdbc.sql(sql).param(userId).query().listOfRows();
        }
        List<String> plan = jdbc.sql("explain (analyze, buffers, costs off) " + sql).param(userId).query(String.class).list();
        line("");
        line("EXPLAIN ANALYZE, %s, %s, caller in 50 groups, page 1:", shape, label);
        line("```");
        plan.forEach(this::line);
        line("```");
    }

    private void creates(String label, String user, List<Long> groups, int threads, int total) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        long group = groups.get(n % groups.size());
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = createWishlist(user, group, label + " " + n);
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        line("| %s | %d | %.1f | %.0f | %.1f | %d |", label, total, seconds, total / seconds,
                sorted[(int) (sorted.length * 0.99) - 1] / 1e6, failures.get());
    }

    /** Each line is printed and appended to the report file at once, so a slow run shows its progress. */
    private void line(String format, Object... args) {
        String text = (args.length == 0 ? format : String.format(format, args)) + "\n";
        report.append(text);
        System.out.print("BENCH " + text);
        try {
            Files.writeString(Path.of("target/wishlist-bench.txt"), report.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
