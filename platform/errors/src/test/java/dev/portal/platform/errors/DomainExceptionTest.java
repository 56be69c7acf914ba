package dev.portal.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    static final class EmailTaken extends Conflict {
        EmailTaken() {
            super("email-taken", "Email taken", "This email already has a portal account.");
        }
    }

    static final class ChangeTooSoon extends LimitReached {
        ChangeTooSoon(Duration wait) {
            super("change-too-soon", "Change too soon", "Wait before the next change.", wait, Map.of("line", "L1"));
        }

        @Override
        public boolean asConflict() {
            return true;
        }
    }

    static final class BadCode extends RuleViolation {
        BadCode() {
            super("Not_Kebab", "x", "y");
        }
    }

    @Test
    void a_rule_carries_its_code_title_and_safe_detail() {
        EmailTaken taken = new EmailTaken();

        assertThat(taken.code()).isEqualTo("email-taken");
        assertThat(taken.title()).isEqualTo("Email taken");
        assertThat(taken.getMessage()).isEqualTo("This email already has a portal account.");
        assertThat(taken.properties()).isEmpty();
    }

    @Test
    void codes_must_be_kebab_case() {
        assertThatIllegalArgumentException().isThrownBy(BadCode::new).withMessageContaining("Not_Kebab");
    }

    @Test
    void a_limit_rounds_retry_after_up_to_whole_seconds_and_keeps_other_properties() {
        ChangeTooSoon soon = new ChangeTooSoon(Duration.ofMillis(1_200_001));

        assertThat(soon.retryAfterSeconds()).isEqualTo(1201);
        assertThat(soon.properties()).containsEntry("retryAfter", 1201L).containsEntry("line", "L1");
        assertThat(new ChangeTooSoon(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
