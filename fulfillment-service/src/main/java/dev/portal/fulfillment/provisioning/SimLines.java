package dev.portal.fulfillment.provisioning;

import java.util.Optional;

/**
 * What the fulfillment needs of Freebit: activating a new line and following it to completion (one line per
 * request, no bulk polling). Refusals are {@link ParticipantRefused}; unreadable answers {@link ParticipantUnreadable}.
 */
public interface SimLines {

    /** The line's state ({@code processing}, {@code active}, {@code cancelled}, ...), empty when Freebit has no such line. */
    Optional<String> state(String msisdn);

    /** Activates a new line (asynchronous: it is {@code processing} until done). Sent once: look the line up first. */
    void activate(String msisdn, String planCode, String eid, String contractLine);
}
