package dev.portal.wishlist.wishlists;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Optional;

/**
 * Where a wishlist is in its lifecycle. The integers are the stored and wire values (0 inactive, 1 active,
 * 3 cancelled; 2 is not used), kept because the table's contract and the API's {@code status} fields use them.
 */
public enum WishlistStatus {
    INACTIVE(0, "inactive"), ACTIVE(1, "active"), CANCELLED(3, "cancelled");

    private final int code;
    private final String label;

    WishlistStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Every status but cancelled holds one unit of the subscription's quota. */
    boolean holdsQuota() {
        return this != CANCELLED;
    }

    static Optional<WishlistStatus> ofCode(long code) {
        for (WishlistStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The {@code smallint} column. */
    @Converter(autoApply = true)
    static class Column implements AttributeConverter<WishlistStatus, Short> {

        @Override
        public Short convertToDatabaseColumn(WishlistStatus status) {
            return status == null ? null : (short) status.code;
        }

        @Override
        public WishlistStatus convertToEntityAttribute(Short code) {
            return code == null ? null : ofCode(code).orElseThrow(() -> new IllegalStateException("unknown wishlist status " + code));
        }
    }
}
