package dev.portal.wishlist.temp;

import dev.portal.wishlist.web.ProductInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Temporary wishlists and their data, as far as creating, showing and converting them needs. */
@Repository
public class TempWishlists {

    private final JdbcClient jdbc;

    TempWishlists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TempWishlist(long id, long ownerId, String name, TempWishlistStatus status, Long convertedWishlistId,
                               Instant createdAt, Instant closedAt, List<ProductInput> products,
                               List<String> categories, List<String> searchQueries) {
    }

    /** The owner's temporary wishlist; {@code forUpdate} locks it against a concurrent conversion. */
    public Optional<TempWishlist> findOwned(long id, long ownerId, boolean forUpdate) {
        return jdbc.sql("select id, owner_id, name, status, converted_wishlist_id, created_at, closed_at from temp_wishlists"
                        + " where id = ? and owner_id = ?" + (forUpdate ? " for update" : ""))
                .params(id, ownerId)
                .query((rs, n) -> new TempWishlist(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"),
                        TempWishlistStatus.ofCode(rs.getInt("status")), rs.getObject("converted_wishlist_id", Long.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), null, null, null))
                .optional()
                .map(t -> new TempWishlist(t.id(), t.ownerId(), t.name(), t.status(), t.convertedWishlistId(),
                        t.createdAt(), t.closedAt(), products(t.id()), categories(t.id()), queries(t.id())));
    }

    List<TempWishlist> listOwned(long ownerId) {
        return jdbc.sql("select id from temp_wishlists where owner_id = ? order by id desc limit 200").param(ownerId)
                .query(Long.class).list().stream().map(id -> findOwned(id, ownerId, false).orElseThrow()).toList();
    }

    int countOpen(long ownerId) {
        return jdbc.sql("select count(*) from temp_wishlists where owner_id = ? and status = ?")
                .params(ownerId, TempWishlistStatus.OPEN.code()).query(Integer.class).single();
    }

    long create(long ownerId, String name, List<ProductInput> products, List<String> categories, List<String> queries) {
        long id = jdbc.sql("insert into temp_wishlists (owner_id, name) values (?, ?) returning id")
                .params(ownerId, name).query(Long.class).single();
        for (int i = 0; i < products.size(); i++) {
            ProductInput p = products.get(i);
            jdbc.sql("insert into temp_wishlist_products (temp_wishlist_id, position, product_code, name, quantity) values (?, ?, ?, ?, ?)")
                    .params(id, i, p.productCode(), p.name(), p.quantityOrDefault()).update();
        }
        for (String category : categories) {
            jdbc.sql("insert into temp_wishlist_categories (temp_wishlist_id, category) values (?, ?) on conflict do nothing")
                    .params(id, category).update();
        }
        for (int i = 0; i < queries.size(); i++) {
            jdbc.sql("insert into temp_wishlist_search_queries (temp_wishlist_id, position, query) values (?, ?, ?)")
                    .params(id, i, queries.get(i)).update();
        }
        return id;
    }

    /** Closes the temporary wishlist as converted; runs in the conversion's transaction. */
    public void markConverted(long id, long wishlistId, Instant at) {
        int updated = jdbc.sql("update temp_wishlists set status = ?, converted_wishlist_id = ?, closed_at = ? where id = ? and status = ?")
                .params(TempWishlistStatus.CONVERTED.code(), wishlistId, java.sql.Timestamp.from(at), id,
                        TempWishlistStatus.OPEN.code()).update();
        if (updated != 1) {
            throw new IllegalStateException("temporary wishlist " + id + " was not open when converted");
        }
    }

    private List<ProductInput> products(long id) {
        return jdbc.sql("select product_code, name, quantity from temp_wishlist_products where temp_wishlist_id = ? order by position")
                .param(id).query((rs, n) -> new ProductInput(rs.getString("product_code"), rs.getString("name"),
                        rs.getInt("quantity"))).list();
    }

    private List<String> categories(long id) {
        return jdbc.sql("select category from temp_wishlist_categories where temp_wishlist_id = ? order by category")
                .param(id).query(String.class).list();
    }

    private List<String> queries(long id) {
        return jdbc.sql("select query from temp_wishlist_search_queries where temp_wishlist_id = ? order by position")
                .param(id).query(String.class).list();
    }
}
