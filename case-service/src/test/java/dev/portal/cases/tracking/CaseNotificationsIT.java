package dev.portal.cases.tracking;

import static dev.portal.cases.ChangeEvents.caseChange;
import static dev.portal.cases.Customers.HANAKO;
import static dev.portal.cases.Customers.HANAKOS_OPEN_CASE;
import static dev.portal.cases.Customers.TARO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.cases.CaseServiceTestBase;
import dev.portal.cases.ChangeEvents;
import dev.portal.clients.salesforce.SalesforceId;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.sandbox.salesforce.SalesforceIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bridged Case changes keep the local view, and an agent's change reaches the case's customers as {@code case.updated}:
 * every portal user of the Account (from identity's events), never for the portal's own writes, once per event.
 * Changes are put on Kafka exactly as cdc-bridge writes them; notifications are read from the outbox table (what the
 * service committed) and, for the main story, from Kafka.
 */
class CaseNotificationsIT extends CaseServiceTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void an_agents_change_tells_every_portal_user_of_the_account() {
        UUID registered = UUID.randomUUID();
        UUID linked = UUID.randomUUID();
        ChangeEvents.userRegistered(registered, HANAKO.accountId());
        ChangeEvents.accountLinked(linked, HANAKO.accountId());
        awaitUsersOf(HANAKO.accountId(), 2);
        EventProbe probe = EventProbe.fromNow();
        // the agent moves Hanako's seeded case, which the view has never seen: the change carries only the status
        SANDBOX.admin("POST", "/sandbox/admin/salesforce/cases/" + HANAKOS_OPEN_CASE + "/status", "{\"status\":\"Working\"}");

        caseChange(HANAKOS_OPEN_CASE, "UPDATE").field("Status", "Working").send();

        for (UUID user : List.of(registered, linked)) {
            ReceivedEvent event = probe.await(Topics.NOTIFICATIONS.name(), user.toString(), "portal.notification.published.v1");
            JsonNode notification = event.json();
            assertThat(notification.path("type").asString()).isEqualTo("case.updated");
            assertThat(notification.path("userId").asString()).isEqualTo(user.toString());
            JsonNode data = notification.path("data");
            assertThat(data.path("caseId").asString()).isEqualTo(HANAKOS_OPEN_CASE);
            assertThat(data.path("status").asString()).isEqualTo("Working");
            assertThat(data.path("subject").asString()).isEqualTo("Router keeps disconnecting");
            assertThat(data.path("caseNumber").asString()).isNotBlank();
            assertThat(data.path("at").asString()).isNotBlank();
        }
        assertThat(tracked(HANAKOS_OPEN_CASE)).hasValueSatisfying(c -> assertThat(c.account().value()).isEqualTo(HANAKO.accountId()));
    }

    @Test
    void the_portals_own_changes_tell_nobody() {
        UUID user = linkedUserOf(HANAKO.accountId());
        String caseId = newCaseId();
        caseChange(caseId, "CREATE").byThePortal().field("AccountId", HANAKO.accountId()).field("CaseNumber", "00009001")
                .field("Subject", "Opened in the portal").field("Status", "New").send();
        caseChange(caseId, "UPDATE").byThePortal().field("Subject", "Edited in the portal").send();

        caseChange(caseId, "UPDATE").field("Status", "Working").send();

        List<JsonNode> told = awaitNotifications(user, 1);
        assertThat(told.getFirst().path("status").asString()).isEqualTo("Working");
        assertThat(told.getFirst().path("subject").asString()).isEqualTo("Edited in the portal");
        assertThat(told.getFirst().path("caseNumber").asString()).isEqualTo("00009001");
    }

    @Test
    void a_case_an_agent_opens_for_the_customer_is_news_too() {
        UUID user = linkedUserOf(HANAKO.accountId());
        String caseId = newCaseId();

        caseChange(caseId, "CREATE").field("AccountId", HANAKO.accountId()).field("CaseNumber", "00009002")
                .field("Subject", "We noticed an outage in your area").field("Status", "Working").field("Origin", "Phone").send();

        assertThat(awaitNotifications(user, 1).getFirst().path("subject").asString()).isEqualTo("We noticed an outage in your area");
    }

    @Test
    void a_redelivered_change_tells_once() {
        UUID user = linkedUserOf(HANAKO.accountId());
        String caseId = newCaseId();
        String eventId = caseChange(caseId, "CREATE").field("AccountId", HANAKO.accountId()).field("CaseNumber", "00009003")
                .field("Subject", "Opened by an agent").field("Status", "New").send();
        caseChange(caseId, "CREATE").withEventId(eventId).field("AccountId", HANAKO.accountId()).field("CaseNumber", "00009003")
                .field("Subject", "Opened by an agent").field("Status", "New").send();

        caseChange(caseId, "UPDATE").field("Status", "Working").send();

        awaitNotifications(user, 2);
        assertThat(notificationsTo(user)).extracting(n -> n.path("status").asString()).containsExactly("New", "Working");
    }

    @Test
    void a_change_of_system_fields_only_is_no_news() {
        UUID user = linkedUserOf(HANAKO.accountId());
        String caseId = portalCase(HANAKO.accountId(), "Quiet case");
        caseChange(caseId, "UPDATE").field("SystemModstamp", "2026-03-01T00:00:00.000Z").send();

        caseChange(caseId, "UPDATE").field("Priority", "High").send();

        List<JsonNode> told = awaitNotifications(user, 1);
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().path("subject").asString()).isEqualTo("Quiet case");
    }

    @Test
    void an_account_without_portal_users_keeps_its_view_and_tells_nobody() {
        UUID hanakosUser = linkedUserOf(HANAKO.accountId());
        String tarosCase = portalCase(TARO.accountId(), "Taro's case");

        caseChange(tarosCase, "UPDATE").field("Status", "Working").send();

        // the view and any notification commit together: once the view shows the change, nothing more can come of it
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tracked(tarosCase)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("Working")));
        assertThat(jdbc.sql("select count(*) from outbox where payload::text like :case").param("case", "%" + tarosCase + "%")
                .query(Long.class).single()).isZero();
        assertThat(notificationsTo(hanakosUser)).isEmpty();
    }

    @Test
    void an_older_change_arriving_late_does_not_undo_a_newer_one() {
        UUID user = linkedUserOf(HANAKO.accountId());
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String caseId = newCaseId();
        caseChange(caseId, "CREATE").byThePortal().committedAt(t0).field("AccountId", HANAKO.accountId()).field("Subject", "s")
                .field("Status", "New").send();
        caseChange(caseId, "UPDATE").committedAt(t0.plusSeconds(20)).field("Status", "Closed").send();
        caseChange(caseId, "UPDATE").committedAt(t0.plusSeconds(10)).field("Status", "Working").send();

        caseChange(caseId, "UPDATE").committedAt(t0.plusSeconds(30)).field("Subject", "renamed").send();

        List<JsonNode> told = awaitNotifications(user, 2);
        assertThat(told).extracting(n -> n.path("status").asString() + "/" + n.path("subject").asString())
                .containsExactly("Closed/s", "Closed/renamed");
    }

    @Test
    void a_reread_tells_only_what_visibly_changed() {
        UUID user = linkedUserOf(HANAKO.accountId());
        String caseId = portalCase(HANAKO.accountId(), "Slow line");
        caseChange(caseId, "RESYNC").reread().field("AccountId", HANAKO.accountId()).field("Subject", "Slow line").field("Status", "New")
                .field("Priority", "Low").send();

        caseChange(caseId, "GAP_UPDATE").reread().field("AccountId", HANAKO.accountId()).field("Subject", "Slow line")
                .field("Status", "Working").send();

        List<JsonNode> told = awaitNotifications(user, 1);
        assertThat(told).extracting(n -> n.path("status").asString()).containsExactly("Working");
    }

    @Test
    void a_deleted_case_leaves_the_view() {
        String caseId = portalCase(HANAKO.accountId(), "to be deleted");

        caseChange(caseId, "DELETE").send();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tracked(caseId)).isEmpty());
    }

    @Test
    void a_change_that_is_not_about_a_case_is_dead_lettered_at_once() {
        EventProbe probe = EventProbe.fromNow();

        caseChange(HANAKO.accountId(), "UPDATE").field("Status", "Working").send();

        ReceivedEvent dead = probe.await(Topics.SALESFORCE_CASE.name() + ".dlt", HANAKO.accountId(), "salesforce.cdc.case.changed.v1");
        assertThat(dead.header("kafka_dlt-exception-message")).hasValueSatisfying(m -> assertThat(m).contains("not about a Case"));
    }

    @Test
    void identity_events_of_other_types_are_skipped_and_links_are_kept_once() {
        UUID user = UUID.randomUUID();
        EventProbe probe = EventProbe.fromNow();
        ChangeEvents.sessionsRevoked(user);
        ChangeEvents.userRegistered(user, HANAKO.accountId());
        ChangeEvents.accountLinked(user, HANAKO.accountId().substring(0, 15));

        // one user's events share a partition: once the last is applied, the earlier ones were too
        ChangeEvents.accountLinked(user, TARO.accountId());
        awaitUsersOf(TARO.accountId(), 1);
        assertThat(jdbc.sql("select user_id from account_users where account_id = :a").param("a", HANAKO.accountId())
                .query(UUID.class).list()).containsExactly(user);
        assertThat(probe.received(Topics.IDENTITY_USER_EVENTS.name() + ".dlt", user.toString(), null)).isEmpty();
    }

    // ---- helpers ----

    /** A new, well-formed Case id the sandbox never issued. */
    private static String newCaseId() {
        return SalesforceIds.to18("500Zz" + String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L)));
    }

    /** A case the portal opened (no news), known to the view once this returns. */
    private String portalCase(String accountId, String subject) {
        String caseId = newCaseId();
        caseChange(caseId, "CREATE").byThePortal().field("AccountId", accountId).field("CaseNumber", "00009100")
                .field("Subject", subject).field("Status", "New").send();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tracked(caseId)).isPresent());
        return caseId;
    }

    private UUID linkedUserOf(String accountId) {
        UUID user = UUID.randomUUID();
        ChangeEvents.userRegistered(user, accountId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from account_users where user_id = :u")
                .param("u", user).query(Long.class).single()).isEqualTo(1));
        return user;
    }

    private void awaitUsersOf(String accountId, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from account_users where account_id = :a")
                .param("a", accountId).query(Long.class).single()).isEqualTo(count));
    }

    /** The data of the case.updated notifications the service committed for {@code user}, in order. */
    private List<JsonNode> notificationsTo(UUID user) {
        return jdbc.sql("select payload::text from outbox where topic = :topic and message_key = :user order by created_at, occurred_at")
                .param("topic", Topics.NOTIFICATIONS.name()).param("user", user.toString()).query(String.class).list().stream()
                .map(payload -> ApiClient.jsonMapper().readTree(payload))
                .peek(notification -> assertThat(notification.path("type").asString()).isEqualTo("case.updated"))
                .map(notification -> notification.path("data")).toList();
    }

    private List<JsonNode> awaitNotifications(UUID user, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsTo(user)).hasSizeGreaterThanOrEqualTo(count));
        return notificationsTo(user);
    }

    private Optional<TrackedCaseRow> tracked(String caseId) {
        return jdbc.sql("select account_id, status, subject from tracked_cases where case_id = :id").param("id", caseId)
                .query((rs, n) -> new TrackedCaseRow(rs.getString("account_id") == null ? null
                        : new SalesforceId(rs.getString("account_id")), rs.getString("status"), rs.getString("subject")))
                .optional();
    }

    private record TrackedCaseRow(SalesforceId account, String status, String subject) {
    }
}
