package dev.portal.platform.events;

import java.util.regex.Pattern;

/**
 * A Kafka topic of the catalogue, named {@code <owner>.<entity>.<kind>}: the service or system that writes it, what
 * its records are about (their key), and what they are ({@code events}, {@code requests}, Salesforce's {@code cdc}
 * feed): {@code orders.order.events}, {@code portal.mail.requests}. A suite-wide stream that any service writes is
 * owned by {@code portal} and named by its entity alone: {@code portal.notifications}. Its dead-letter topic is
 * {@code <name>.dlt} with the same partition count.
 */
public record Topic(String name, int partitions) {

    private static final String SEGMENT = "[a-z][a-z0-9-]*";
    private static final Pattern NAME = Pattern.compile("(" + SEGMENT + "\\." + SEGMENT + "\\." + SEGMENT + "|portal\\." + SEGMENT + ")"
            + "(\\.dlt)?");
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name must be <owner>.<entity>.<kind> (or portal.<entity> for a "
                    + "suite-wide stream), was " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }

    public Topic deadLetter() {
        return new Topic(name + DEAD_LETTER_SUFFIX, partitions);
    }

    public boolean isDeadLetter() {
        return name.endsWith(DEAD_LETTER_SUFFIX);
    }
}
