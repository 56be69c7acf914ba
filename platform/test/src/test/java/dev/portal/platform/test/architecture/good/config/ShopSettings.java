package dev.portal.platform.test.architecture.good.config;

/** {@code portal.shop.*} */
public record ShopSettings(int maxLines) {
}
