package dev.portal.wishlist.wishlists;

import dev.portal.wishlist.web.ProductInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side: the paged list and the detailed view, as SQL (joins, an index-only page of ids), rows mapped by
 * column name. Reads committed state: call it after the transaction of a change, not inside it.
 */
@Component
class WishlistQueries {

    private static final String SELECT = """
            select w.id, w.group_id, w.created_by, u.portal_user_id, w.subscription_id, w.name, w.slug, w.description,
                   w.status, w.temp_wishlist_id, w.created_at, w.updated_at, w.cancelled_at,
                   s.product_count, s.item_count, s.category_count, s.query_count, sc.frequency, sc.next_run_at
            from wishlist_to_groups w
            join users u on u.id = w.created_by
            left join wishlist_summaries s on s.wishlist_id = w.id
            left join wishlist_schedules sc on sc.wishlist_id = w.id""";

    private final JdbcClient jdbc;

    WishlistQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 1) of the caller's groups' wishlists in {@code statuses}, optionally of one group. */
    record ListQuery(int page, int perPage, List<WishlistStatus> statuses, Long groupId) {
    }

    record Page(List<WishlistView> data, long total, ListQuery query) {
    }

    /** Only the wishlists of groups {@code userId} is a member of, whatever the filters. */
    Page list(long userId, ListQuery query) {
        StringBuilder where = new StringBuilder(
                " where w.group_id in (select m.group_id from group_members m where m.user_id = :user) and w.status in (:statuses)");
        if (query.groupId() != null) {
            where.append(" and w.group_id = :group");
        }
        List<Integer> statuses = query.statuses().stream().map(WishlistStatus::code).toList();
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from wishlist_to_groups w" + where)
                .param("user", userId).param("statuses", statuses);
        // the page's ids first (an index-only scan of the list index), then the joins for those rows only: joining
        // before the limit costs one lookup per matching wishlist (EXPLAIN in docs/benchmarks.md)
        JdbcClient.StatementSpec select = jdbc.sql("with page as (select w.id from wishlist_to_groups w" + where
                        + " order by w.id desc limit :limit offset :offset) "
                        + SELECT + " join page on page.id = w.id order by w.id desc")
                .param("user", userId).param("statuses", statuses)
                .param("limit", query.perPage()).param("offset", (long) (query.page() - 1) * query.perPage());
        if (query.groupId() != null) {
            count = count.param("group", query.groupId());
            select = select.param("group", query.groupId());
        }
        long total = count.query(Long.class).single();
        List<WishlistView> data = total == 0 ? List.of() : select.query(WishlistQueries::row).list();
        return new Page(data, total, query);
    }

    /** The wishlist with its products, categories and search queries. */
    Optional<WishlistView> detailed(long id) {
        return jdbc.sql(SELECT + " where w.id = ?").param(id).query(WishlistQueries::row).optional()
                .map(w -> w.withDetails(
                        jdbc.sql("select product_code, name, quantity from wishlist_products where wishlist_id = ? order by position")
                                .param(id).query((rs, n) -> new ProductInput(rs.getString("product_code"), rs.getString("name"),
                                        rs.getInt("quantity"))).list(),
                        jdbc.sql("select category from wishlist_categories where wishlist_id = ? order by category")
                                .param(id).query(String.class).list(),
                        jdbc.sql("select query from wishlist_search_queries where wishlist_id = ? order by position")
                                .param(id).query(String.class).list()));
    }

    /** {@link #detailed} when the wishlist is in one of {@code userId}'s groups; absent and foreign look the same. */
    Optional<WishlistView> visible(String slug, long userId) {
        return jdbc.sql("select w.id from wishlist_to_groups w where w.slug = ?"
                        + " and exists (select 1 from group_members m where m.group_id = w.group_id and m.user_id = ?)")
                .params(slug, userId).query(Long.class).optional().flatMap(this::detailed);
    }

    private static WishlistView row(ResultSet rs, int n) throws SQLException {
        int code = rs.getInt("status");
        WishlistStatus status = WishlistStatus.ofCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown wishlist status " + code));
        WishlistView.Summary summary = rs.getObject("product_count") == null ? null
                : new WishlistView.Summary(rs.getInt("product_count"), rs.getInt("item_count"),
                        rs.getInt("category_count"), rs.getInt("query_count"));
        WishlistView.Schedule schedule = rs.getString("frequency") == null ? null
                : new WishlistView.Schedule(rs.getString("frequency"), instant(rs.getTimestamp("next_run_at")));
        return new WishlistView(rs.getLong("id"), rs.getLong("group_id"), rs.getLong("created_by"),
                rs.getString("portal_user_id"), rs.getLong("subscription_id"), rs.getString("name"), rs.getString("slug"),
                rs.getString("description"), status, rs.getObject("temp_wishlist_id", Long.class), summary, schedule,
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("cancelled_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
