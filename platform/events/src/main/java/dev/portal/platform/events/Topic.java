package dev.portal.platform.events;

import java.util.regex.Pattern;

/**
 * A Kafka topic of the catalogue: {@code <owner>.<entity>.<kind>}. Its dead-letter topic is {@code <name>.dlt}
 * with the same partition count.
 */
public record Topic(String name, int partitions) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){2,}");
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name must be <owner>.<entity>.<kind>, was " + name);
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
