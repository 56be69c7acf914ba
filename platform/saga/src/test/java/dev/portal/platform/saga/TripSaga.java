package dev.portal.platform.saga;

import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.testing.FakeParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small saga the engine's tests run: book a hotel (cancellable), charge the card (refundable), wait for the
 * traveller's confirmation when the definition asks for one, then send the tickets. Its data records which steps
 * ran, so tests can see what each step saw.
 */
final class TripSaga {

    static final String CONFIRMED = "traveller-confirmed";

    record Trip(String traveller, List<String> log, String confirmedBy) {

        Trip with(String entry) {
            List<String> next = new ArrayList<>(log);
            next.add(entry);
            return new Trip(traveller, next, confirmedBy);
        }

        static Trip of(String traveller) {
            return new Trip(traveller, List.of(), null);
        }
    }

    record Confirmation(String by) {
    }

    final FakeParticipant hotel = FakeParticipant.named("hotel");
    final FakeParticipant hotelCancellation = FakeParticipant.named("hotel-cancellation");
    final FakeParticipant card = FakeParticipant.named("card");
    final FakeParticipant refunds = FakeParticipant.named("refunds");
    final FakeParticipant tickets = FakeParticipant.named("tickets");

    SagaDefinition<Trip> definition() {
        return SagaDefinition.named("trip", Trip.class)
                .step("book-hotel").invoke(c -> call(hotel, c, "booked")).withCompensation(c -> call(hotelCancellation, c, "cancelled"))
                .step("charge-card").invoke(c -> call(card, c, "charged")).withCompensation(c -> call(refunds, c, "refunded"))
                .step("send-tickets").invoke(c -> call(tickets, c, "sent"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .build();
    }

    /** As {@link #definition()}, with a wait for the traveller's confirmation (at most {@code timeout}) before the tickets. */
    SagaDefinition<Trip> confirmedDefinition(Duration timeout) {
        return SagaDefinition.named("confirmed-trip", Trip.class)
                .step("book-hotel").invoke(c -> call(hotel, c, "booked")).withCompensation(c -> call(hotelCancellation, c, "cancelled"))
                .step("await-confirmation").invoke(c -> {
                    if (c.signal(CONFIRMED).isPresent()) {
                        Trip trip = c.data();
                        return c.done(new Trip(trip.traveller(), trip.with("confirmed").log(),
                                c.signal(CONFIRMED).get().payloadAs(Confirmation.class).by()));
                    }
                    return c.timedOut() ? c.failed("the traveller did not confirm in time") : c.waitFor(CONFIRMED, timeout);
                })
                .step("send-tickets").invoke(c -> call(tickets, c, "sent"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .build();
    }

    private static StepOutcome<Trip> call(FakeParticipant participant, StepContext<Trip> context, String entry) {
        participant.call(context.idempotencyKey());
        return context.done(context.data().with(entry));
    }
}
