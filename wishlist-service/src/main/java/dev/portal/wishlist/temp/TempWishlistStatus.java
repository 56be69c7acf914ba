package dev.portal.wishlist.temp;

/** A temporary wishlist is open until it is converted into an official one, once. Stored as 0 / 1. */
public enum TempWishlistStatus {
    OPEN(0, "open"), CONVERTED(1, "converted");

    private final int code;
    private final String label;

    TempWishlistStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    int code() {
        return code;
    }

    String label() {
        return label;
    }

    static TempWishlistStatus ofCode(int code) {
        for (TempWishlistStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no temporary wishlist status " + code);
    }
}
