package dev.portal.wishlist.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One product on a (temporary or official) wishlist; quantity defaults to 1. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a product code") String productCode,
        @Size(max = 200) String name,
        @Min(1) @Max(999) Integer quantity) {

    public int quantityOrDefault() {
        return quantity == null ? 1 : quantity;
    }
}
