package dev.portal.cdcbridge.publishing;

import dev.portal.platform.events.Topic;

/** One record to publish; {@code replayId} is null for records of a resync that no event announced. */
public record Outgoing(Topic topic, String channel, Long replayId, CdcChange change) {
}
