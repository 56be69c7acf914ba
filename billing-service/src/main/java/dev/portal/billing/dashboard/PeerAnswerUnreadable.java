package dev.portal.billing.dashboard;

/** A peer service answered, but not in the shape the dashboard reads (a contract drift to look at). */
class PeerAnswerUnreadable extends RuntimeException {

    PeerAnswerUnreadable(String peer, String what) {
        super(peer + " answered without " + what);
    }
}
