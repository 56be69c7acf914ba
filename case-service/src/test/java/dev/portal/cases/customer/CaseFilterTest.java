package dev.portal.cases.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The list's status filter comes from an allow-list: open, closed, or one of the org's statuses; nothing else passes. */
class CaseFilterTest {

    private static final List<String> STATUSES = List.of("New", "Working", "Closed");

    @Test
    void nothing_asked_is_every_case() {
        assertThat(CaseFilter.of(null, STATUSES)).isEqualTo(new CaseFilter.All());
        assertThat(CaseFilter.of("  ", STATUSES)).isEqualTo(new CaseFilter.All());
    }

    @Test
    void open_and_closed_are_salesforces_closed_flag_and_win_over_a_status_of_the_same_name() {
        assertThat(CaseFilter.of("open", STATUSES)).isEqualTo(new CaseFilter.ByClosed(false));
        assertThat(CaseFilter.of("OPEN", STATUSES)).isEqualTo(new CaseFilter.ByClosed(false));
        assertThat(CaseFilter.of("Closed", STATUSES)).isEqualTo(new CaseFilter.ByClosed(true));
    }

    @Test
    void a_status_is_matched_in_any_letter_case_and_sent_as_the_org_spells_it() {
        assertThat(CaseFilter.of("working", STATUSES)).isEqualTo(new CaseFilter.ByStatus("Working"));
        assertThat(CaseFilter.of(" New ", STATUSES)).isEqualTo(new CaseFilter.ByStatus("New"));
    }

    @Test
    void anything_else_is_refused_with_the_allowed_values() {
        for (String attempt : List.of("Escalated", "New' OR Status != '", "New%", "open or closed")) {
            assertThatThrownBy(() -> CaseFilter.of(attempt, STATUSES)).isInstanceOfSatisfying(InvalidCaseStatus.class, e -> {
                assertThat(e.code()).isEqualTo("invalid-case-status");
                assertThat(e.properties()).containsEntry("allowed", List.of("open", "closed", "New", "Working", "Closed"));
            });
        }
    }
}
