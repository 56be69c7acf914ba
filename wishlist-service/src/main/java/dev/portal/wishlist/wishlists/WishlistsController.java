package dev.portal.wishlist.wishlists;

import dev.portal.platform.security.CurrentUser;
import dev.portal.wishlist.config.WishlistProperties;
import dev.portal.wishlist.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Wishlists of the caller's groups: {@code /api/v1/wishlist-to-group}. */
@RestController
@RequestMapping(WishlistsController.PATH)
class WishlistsController {

    static final String PATH = "/api/v1/wishlist-to-group";

    private final WishlistManagement service;
    private final CurrentUser currentUser;
    private final WishlistProperties properties;

    WishlistsController(WishlistManagement service, CurrentUser currentUser, WishlistProperties properties) {
        this.service = service;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    /**
     * Paginated, newest first. {@code status} defaults to the wishlists in use (0 and 1); {@code status=3} lists
     * the cancelled ones. A {@code group_id} the caller is not in gives an empty page, exactly like a group that
     * does not exist, so nothing is learned about other groups.
     */
    @GetMapping
    Map<String, Object> list(@RequestParam Map<String, String> params) {
        long userId = service.requireSomeGroup(currentUser.get());
        WishlistQueries.ListQuery query = parse(params);
        WishlistQueries.Page page = service.list(userId, query);
        long lastPage = Math.max(1, (page.total() + query.perPage() - 1) / query.perPage());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", query.page());
        meta.put("per_page", query.perPage());
        meta.put("total", page.total());
        meta.put("last_page", lastPage);
        meta.put("from", page.data().isEmpty() ? null : (long) (query.page() - 1) * query.perPage() + 1);
        meta.put("to", page.data().isEmpty() ? null : (long) (query.page() - 1) * query.perPage() + page.data().size());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", link(params, query, 1));
        links.put("last", link(params, query, lastPage));
        links.put("prev", query.page() > 1 ? link(params, query, Math.min(query.page() - 1, lastPage)) : null);
        links.put("next", query.page() < lastPage ? link(params, query, query.page() + 1) : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("meta", meta);
        body.put("links", links);
        return body;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WishlistView create(@RequestBody WishlistRequests.Create body) {
        return service.create(currentUser.get(), body);
    }

    @GetMapping("/{slug}")
    WishlistView show(@PathVariable String slug) {
        return service.show(currentUser.get(), slug);
    }

    @PatchMapping("/{slug}")
    WishlistView update(@PathVariable String slug, @RequestBody WishlistRequests.Update body) {
        return service.update(currentUser.get(), slug, body);
    }

    private WishlistQueries.ListQuery parse(Map<String, String> params) {
        FieldErrors errors = new FieldErrors();
        for (String name : params.keySet()) {
            if (!List.of("page", "per_page", "status", "group_id").contains(name)) {
                errors.add(name, "is not a known parameter (page, per_page, status, group_id)");
            }
        }
        Long page = number(params, "page", errors);
        Long perPage = number(params, "per_page", errors);
        Long status = number(params, "status", errors);
        Long groupId = number(params, "group_id", errors);
        if (page != null && (page < 1 || page > 100_000)) {
            errors.add("page", "must be between 1 and 100000");
        }
        if (perPage != null && (perPage < 1 || perPage > properties.maxPerPage())) {
            errors.add("per_page", "must be between 1 and " + properties.maxPerPage());
        }
        if (status != null && WishlistStatus.ofCode(status).isEmpty()) {
            errors.add("status", "must be 0 (inactive), 1 (active) or 3 (cancelled)");
        }
        if (groupId != null && groupId < 1) {
            errors.add("group_id", "must be a positive id");
        }
        errors.throwIfAny();
        return new WishlistQueries.ListQuery(page == null ? 1 : page.intValue(),
                perPage == null ? properties.defaultPerPage() : perPage.intValue(),
                status == null ? List.of(WishlistStatus.INACTIVE, WishlistStatus.ACTIVE)
                        : List.of(WishlistStatus.ofCode(status).orElseThrow()), groupId);
    }

    private static Long number(Map<String, String> params, String name, FieldErrors errors) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, "must be a whole number");
            return null;
        }
    }

    private static String link(Map<String, String> params, WishlistQueries.ListQuery query, long page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH).queryParam("page", page)
                .queryParam("per_page", query.perPage());
        if (params.containsKey("status")) {
            uri.queryParam("status", query.statuses().getFirst().code());
        }
        if (query.groupId() != null) {
            uri.queryParam("group_id", query.groupId());
        }
        return uri.build().toUriString();
    }
}
