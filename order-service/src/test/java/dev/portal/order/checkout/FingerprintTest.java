package dev.portal.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same order asked for twice has one fingerprint; any difference in items, quantities, their order or the note is another. */
class FingerprintTest {

    static CheckoutRequest request(String note, CheckoutRequest.Item... items) {
        return new CheckoutRequest(List.of(items), note);
    }

    static CheckoutRequest.Item item(String entry, int quantity) {
        return new CheckoutRequest.Item(entry, quantity);
    }

    @Test
    void the_same_items_and_note_are_the_same_request() {
        assertThat(Fingerprint.of(request("hi", item("01uA", 1), item("01uB", 2))))
                .isEqualTo(Fingerprint.of(request("hi", item("01uA", 1), item("01uB", 2))));
        assertThat(Fingerprint.of(request(null, item("01uA", 1)))).isEqualTo(Fingerprint.of(request("", item("01uA", 1))));
    }

    @Test
    void any_difference_is_another_request() {
        String base = Fingerprint.of(request("hi", item("01uA", 1), item("01uB", 2)));

        assertThat(List.of(
                Fingerprint.of(request("hi", item("01uA", 2), item("01uB", 2))),
                Fingerprint.of(request("hi", item("01uB", 2), item("01uA", 1))),
                Fingerprint.of(request("hello", item("01uA", 1), item("01uB", 2))),
                Fingerprint.of(request("hi", item("01uA", 1))),
                // the separators keep an entry id and a quantity from running into each other
                Fingerprint.of(request("hi", item("01uA1", 1), item("01uB", 2)))))
                .doesNotContain(base).doesNotHaveDuplicates();
    }
}
