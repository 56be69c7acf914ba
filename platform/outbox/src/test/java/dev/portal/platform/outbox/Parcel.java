package dev.portal.platform.outbox;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A minimal aggregate for the tests: registered, then dispatched once. */
@Entity
@Table(name = "parcels")
class Parcel extends Aggregate<Parcel, UUID> {

    static final Topic TOPIC = new Topic("tests.parcel.events", 1);

    enum Status { REGISTERED, DISPATCHED }

    @Id
    private UUID id;
    private String destination;
    @Enumerated(EnumType.STRING)
    private Status status;

    protected Parcel() {
    }

    static Parcel register(UUID id, String destination) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        parcel.destination = destination;
        parcel.status = Status.REGISTERED;
        parcel.registerEvent(new Registered(id.toString(), destination));
        return parcel;
    }

    void dispatch() {
        if (status != Status.REGISTERED) {
            throw new IllegalStateException("parcel " + id + " is " + status);
        }
        status = Status.DISPATCHED;
        registerEvent(new Dispatched(id.toString()));
    }

    /** Registers an event the outbox cannot route, to show that it is refused. */
    void registerPlainEvent() {
        registerEvent("not an outbox event");
    }

    @Override
    public UUID getId() {
        return id;
    }

    Status status() {
        return status;
    }

    @EventType("portal.test.parcel-registered.v1")
    record Registered(String parcelId, String destination) implements OutboxEvent {

        @Override
        public String aggregateId() {
            return parcelId;
        }

        @Override
        public Topic topic() {
            return TOPIC;
        }
    }

    @EventType("portal.test.parcel-dispatched.v1")
    record Dispatched(String parcelId) implements OutboxEvent {

        @Override
        public String aggregateId() {
            return parcelId;
        }

        @Override
        public Topic topic() {
            return TOPIC;
        }
    }
}
