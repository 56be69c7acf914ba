package dev.portal.cdcbridge.checkpoint;

import dev.portal.cdcbridge.checkpoint.AckTracker.Checkpoint;
import dev.portal.cdcbridge.checkpoint.AckTracker.Ticket;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AckTrackerTest {

    private static final String ORDERS = "/data/OrderChangeEvent";
    private static final String CASES = "/data/CaseChangeEvent";
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    private final AckTracker tracker = new AckTracker();

    private Ticket admit(String channel, long replayId, int records) {
        return tracker.admit(channel, replayId, T0.plusSeconds(replayId), records);
    }

    @Test
    void the_checkpoint_waits_for_every_predecessor_and_then_jumps_to_the_highest_contiguous_ack() {
        Ticket first = admit(ORDERS, 10, 1);
        Ticket second = admit(ORDERS, 25, 1);
        Ticket third = admit(ORDERS, 31, 1);

        assertThat(tracker.acknowledged(third)).isTrue();
        assertThat(tracker.acknowledged(second)).isTrue();
        assertThat(tracker.drain()).as("10 is not acknowledged: nothing may be stored").isEmpty();

        tracker.acknowledged(first);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(31, T0.plusSeconds(31))));
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.drain()).as("drained once").isEmpty();
    }

    @Test
    void an_event_counts_as_acknowledged_only_when_all_its_fanned_out_records_are() {
        Ticket fanOut = admit(ORDERS, 7, 3);

        assertThat(tracker.acknowledged(fanOut)).isFalse();
        assertThat(tracker.acknowledged(fanOut)).isFalse();
        assertThat(tracker.drain()).isEmpty();
        assertThat(tracker.acknowledged(fanOut)).isTrue();
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(7, T0.plusSeconds(7))));
        assertThat(tracker.acknowledged(fanOut)).as("a late duplicate acknowledgement changes nothing").isFalse();
    }

    @Test
    void channels_advance_independently() {
        Ticket order = admit(ORDERS, 1, 1);
        Ticket firstCase = admit(CASES, 2, 1);
        Ticket secondCase = admit(CASES, 3, 1);

        tracker.acknowledged(secondCase);
        tracker.acknowledged(order);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(1, T0.plusSeconds(1))));
        tracker.acknowledged(firstCase);
        assertThat(tracker.drain()).containsExactly(Map.entry(CASES, new Checkpoint(3, T0.plusSeconds(3))));
    }

    @Test
    void an_event_without_records_passes_once_its_predecessors_are_acknowledged() {
        Ticket before = admit(ORDERS, 5, 1);
        admit(ORDERS, 6, 0); // e.g. a gap event whose only record was deleted meanwhile

        assertThat(tracker.drain()).isEmpty();
        tracker.acknowledged(before);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(6, T0.plusSeconds(6))));

        admit(ORDERS, 9, 0);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(9, T0.plusSeconds(9))));
    }

    @Test
    void a_redelivered_event_is_not_admitted_again_and_the_checkpoint_never_moves_back() {
        Ticket first = admit(ORDERS, 100, 1);
        Ticket second = admit(ORDERS, 200, 1);
        tracker.acknowledged(first);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(100, T0.plusSeconds(100))));

        // a re-subscription from the stored 100 delivers 200 again (in flight) and then 300
        assertThat(admit(ORDERS, 100, 1)).isNull();
        assertThat(admit(ORDERS, 200, 1)).isNull();
        Ticket third = admit(ORDERS, 300, 1);
        assertThat(third).isNotNull();

        tracker.acknowledged(third);
        assertThat(tracker.drain()).as("200 is still in flight").isEmpty();
        tracker.acknowledged(second);
        assertThat(tracker.drain()).containsExactly(Map.entry(ORDERS, new Checkpoint(300, T0.plusSeconds(300))));
    }

    @Test
    void with_acknowledgements_in_any_order_the_checkpoint_is_always_the_highest_contiguous_one() {
        Random random = new Random(42);
        List<Ticket> tickets = new ArrayList<>();
        List<Ticket> records = new ArrayList<>();
        long replayId = 0;
        for (int i = 0; i < 500; i++) {
            replayId += 1 + random.nextInt(5); // not contiguous, only increasing
            int count = 1 + random.nextInt(3);
            Ticket ticket = admit(ORDERS, replayId, count);
            tickets.add(ticket);
            for (int r = 0; r < count; r++) {
                records.add(ticket);
            }
        }
        java.util.Map<Ticket, Integer> counts = new java.util.HashMap<>();
        records.forEach(r -> counts.merge(r, 1, Integer::sum));
        Collections.shuffle(records, random);
        java.util.Map<Ticket, Integer> acked = new java.util.HashMap<>();
        long stored = -1;
        for (Ticket record : records) {
            tracker.acknowledged(record);
            acked.merge(record, 1, Integer::sum);
            Checkpoint moved = tracker.drain().get(ORDERS);
            long expected = -1;
            for (Ticket ticket : tickets) {
                if (acked.getOrDefault(ticket, 0) < counts.get(ticket)) {
                    break;
                }
                expected = ticket.replayId();
            }
            if (moved != null) {
                assertThat(moved.replayId()).isGreaterThan(stored);
                stored = moved.replayId();
            }
            assertThat(stored).isEqualTo(expected);
        }
        assertThat(stored).isEqualTo(tickets.getLast().replayId());
        assertThat(tracker.inFlight()).isZero();
    }
}
