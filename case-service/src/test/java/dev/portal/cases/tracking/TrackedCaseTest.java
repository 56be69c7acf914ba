package dev.portal.cases.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.salesforce.SalesforceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view's row follows a change: all fields from a CREATE, only the changed ones from an UPDATE, a cleared one emptied. */
class TrackedCaseTest {

    private static final SalesforceId CASE = new SalesforceId("500Sb0000000001IAA");
    private static final String ACCOUNT = "001Sb0000000001IAA";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void a_create_carries_the_whole_case() {
        TrackedCase c = TrackedCase.of(CASE, Map.of("AccountId", ACCOUNT, "CaseNumber", "00001001", "Subject", "s", "Status", "New"), T0);

        assertThat(c).isEqualTo(new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "s", "New", T0));
    }

    @Test
    void an_update_changes_only_its_changed_fields_and_empties_a_cleared_one() {
        TrackedCase before = new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "s", "New", T0);
        Map<String, Object> fields = new HashMap<>();
        fields.put("Status", "Working");

        TrackedCase after = before.updatedBy(List.of("Status", "Subject", "LastModifiedDate"), fields, T0.plusSeconds(1));

        assertThat(after).isEqualTo(new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", null, "Working", T0.plusSeconds(1)));
    }

    @Test
    void a_moved_case_follows_its_new_account_and_a_malformed_one_leaves_it_without_an_owner() {
        TrackedCase before = new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "s", "New", T0);

        assertThat(before.updatedBy(List.of("AccountId"), Map.of("AccountId", "001Sb0000000002IAA"), T0).account())
                .isEqualTo(new SalesforceId("001Sb0000000002IAA"));
        assertThat(before.updatedBy(List.of("AccountId"), Map.of("AccountId", "003Sb0000000002IAA"), T0).account()).isNull();
    }

    @Test
    void only_the_status_and_the_subject_make_a_visible_difference() {
        TrackedCase c = new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "s", "New", T0);

        assertThat(c.looksDifferentFrom(new TrackedCase(CASE, null, "other", "s", "New", T0.plusSeconds(9)))).isFalse();
        assertThat(c.looksDifferentFrom(new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "s", "Closed", T0))).isTrue();
        assertThat(c.looksDifferentFrom(new TrackedCase(CASE, new SalesforceId(ACCOUNT), "00001001", "t", "New", T0))).isTrue();
    }
}
