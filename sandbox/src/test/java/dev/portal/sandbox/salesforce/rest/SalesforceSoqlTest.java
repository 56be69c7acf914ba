package dev.portal.sandbox.salesforce.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SOQL subset: what parses into which query, and what is refused with which error code. */
class SalesforceSoqlTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static SalesforceSoql.Query parse(String soql) {
        return SalesforceSoql.parse(soql, NOW);
    }

    @Test
    void select_list_resolves_canonical_field_names_and_parent_paths() {
        SalesforceSoql.Query query = parse("select id, name, account.sf_account_no__c from contact");

        assertThat(query.object().name()).isEqualTo("Contact");
        assertThat(query.fields()).extracting(p -> String.join(".", p.names())).containsExactly("Id", "Name", "Account.SF_Account_No__c");
    }

    @Test
    void and_binds_tighter_than_or_and_parentheses_group() {
        SalesforceSoql.Query query = parse("SELECT Id FROM Case WHERE Status = 'New' OR Status = 'Working' AND NOT (Priority = 'Low')");

        assertThat(query.where()).isInstanceOf(SalesforceSoql.Or.class);
        SalesforceSoql.Or or = (SalesforceSoql.Or) query.where();
        assertThat(or.parts().get(1)).isInstanceOf(SalesforceSoql.And.class);
        assertThat(((SalesforceSoql.And) or.parts().get(1)).parts().get(1)).isInstanceOf(SalesforceSoql.Not.class);
    }

    @Test
    void literals_of_every_kind_are_typed() {
        SalesforceSoql.Query query = parse("SELECT Id FROM Order WHERE EffectiveDate >= 2026-01-01 AND CreatedDate < 2026-01-05T10:00:00.000+0900 "
                + "AND WHMCS_Order_ID__c IN ('1', '2') AND Activation_Error__c = null AND LastModifiedDate = LAST_N_DAYS:7 "
                + "ORDER BY EffectiveDate DESC NULLS LAST, OrderNumber LIMIT 10 OFFSET 5");

        SalesforceSoql.And and = (SalesforceSoql.And) query.where();
        assertThat(((SalesforceSoql.Compare) and.parts().get(0)).value().value()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(((SalesforceSoql.Compare) and.parts().get(1)).value().value()).isEqualTo(Instant.parse("2026-01-05T01:00:00Z"));
        assertThat(((SalesforceSoql.In) and.parts().get(2)).values()).hasSize(2);
        assertThat(((SalesforceSoql.Compare) and.parts().get(3)).value().kind()).isEqualTo(SalesforceSoql.Kind.NULL);
        SalesforceSoql.Literal range = ((SalesforceSoql.Compare) and.parts().get(4)).value();
        assertThat(range.start()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(query.orderBy()).extracting(SalesforceSoql.OrderBy::descending).containsExactly(true, false);
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.offset()).isEqualTo(5);
    }

    @Test
    void syntax_errors_are_malformed_query_with_the_position() {
        assertThatThrownBy(() -> parse("SELECT Name FROM Account WHERE Name = 'open"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"))
                .hasMessageContaining("ERROR at Row:1:Column:");
        assertThatThrownBy(() -> parse("SELECT Name FROM Account LIMIT ten"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
        assertThatThrownBy(() -> parse("SELECT FROM Account"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
    }

    @Test
    void unknown_names_are_invalid_field_or_invalid_type() {
        assertThatThrownBy(() -> parse("SELECT Nickname FROM Account"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_FIELD"));
        assertThatThrownBy(() -> parse("SELECT Owner.Name FROM Account"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_FIELD"));
        assertThatThrownBy(() -> parse("SELECT Id FROM Opportunity"))
                .isInstanceOfSatisfying(SalesforceRestError.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_TYPE"));
    }
}
