package dev.portal.clients.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bound values become literals of their own: no value can change the statement around it. */
class SoqlTest {

    @Test
    void values_bind_as_literals_of_their_type() {
        String soql = Soql.of("SELECT Id FROM Case WHERE AccountId = :account AND IsClosed = :closed AND Status IN :statuses LIMIT :size OFFSET :offset")
                .bind("account", new SalesforceId("001Sb0000000001IAA")).bind("closed", false)
                .bind("statuses", List.of("New", "Working")).bind("size", 20).bind("offset", 40L).text();

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE AccountId = '001Sb0000000001IAA' AND IsClosed = false "
                + "AND Status IN ('New', 'Working') LIMIT 20 OFFSET 40");
    }

    @Test
    void a_quote_in_a_value_stays_inside_its_literal() {
        String soql = Soql.of("SELECT Id FROM Case WHERE Subject = :subject").bind("subject", "x' OR Subject != 'x").text();

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE Subject = 'x\\' OR Subject != \\'x'");
    }

    @Test
    void backslashes_and_line_breaks_are_escaped_so_they_cannot_end_the_literal() {
        String soql = Soql.of("SELECT Id FROM Case WHERE Subject = :subject").bind("subject", "a\\' OR Id != null --\n\r\t\"").text();

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE Subject = 'a\\\\\\' OR Id != null --\\n\\r\\t\\\"'");
    }

    @Test
    void placeholders_inside_the_templates_own_literals_and_date_literals_are_left_alone() {
        String soql = Soql.of("SELECT Id FROM Case WHERE Origin = 'Portal: :web' AND CreatedDate = LAST_N_DAYS:30 AND AccountId = :account")
                .bind("account", "001Sb0000000001IAA").text();

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE Origin = 'Portal: :web' AND CreatedDate = LAST_N_DAYS:30 "
                + "AND AccountId = '001Sb0000000001IAA'");
    }

    @Test
    void an_unbound_placeholder_an_unknown_name_or_an_unbindable_value_is_a_programming_error() {
        Soql query = Soql.of("SELECT Id FROM Case WHERE AccountId = :account");

        assertThatThrownBy(query::text).isInstanceOf(IllegalStateException.class).hasMessageContaining(":account");
        assertThatThrownBy(() -> query.bind("acount", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.bind("account", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.bind("account", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.bind("account", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.bind("account", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binding_returns_a_new_statement_and_leaves_the_template_as_it_was() {
        Soql template = Soql.of("SELECT Id FROM Case WHERE AccountId = :account");

        Soql bound = template.bind("account", "001Sb0000000001IAA");

        assertThat(bound.text()).endsWith("'001Sb0000000001IAA'");
        assertThatThrownBy(template::text).isInstanceOf(IllegalStateException.class);
    }
}
