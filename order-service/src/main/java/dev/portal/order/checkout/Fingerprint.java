package dev.portal.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a checkout request asks for, as a SHA-256 of its content (items in their order, quantities, note): two bodies
 * that differ only in JSON spelling (spaces, member order) ask for the same order.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(CheckoutRequest request) {
        StringBuilder canonical = new StringBuilder();
        for (CheckoutRequest.Item item : request.items()) {
            canonical.append("item\u0000").append(item.pricebookEntryId()).append('\u0000').append(item.quantity()).append('\n');
        }
        canonical.append("note\u0000").append(request.note() == null ? "" : request.note());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
