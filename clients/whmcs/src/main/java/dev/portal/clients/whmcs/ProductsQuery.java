package dev.portal.clients.whmcs;

import java.util.List;

/** GetProducts filters: product ids (empty = all) and product group (null = any). */
public record ProductsQuery(List<Long> pids, Long gid) {

    public ProductsQuery {
        pids = pids == null ? List.of() : List.copyOf(pids);
    }

    public static ProductsQuery all() {
        return new ProductsQuery(List.of(), null);
    }

    public static ProductsQuery of(Long... pids) {
        return new ProductsQuery(List.of(pids), null);
    }
}
