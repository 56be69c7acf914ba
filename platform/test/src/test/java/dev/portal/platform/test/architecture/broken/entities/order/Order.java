package dev.portal.platform.test.architecture.broken.entities.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Order {

    @Id
    public String id;
}
