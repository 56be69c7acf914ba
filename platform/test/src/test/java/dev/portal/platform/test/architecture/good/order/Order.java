package dev.portal.platform.test.architecture.good.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The aggregate: a JPA entity, never seen by a controller's signature. */
@Entity
public class Order {

    @Id
    private String id;
    private Instant submittedAt;

    protected Order() {
    }

    public Order(String id, Instant submittedAt) {
        this.id = id;
        this.submittedAt = submittedAt;
    }

    public String id() {
        return id;
    }

    public Instant submittedAt() {
        return submittedAt;
    }
}
