package dev.portal.cdcbridge.publishing;

/**
 * The Kafka headers a bridged record carries besides the CloudEvents ones: the Salesforce change event header's
 * fields as CloudEvents extension attributes ({@code docs/events.md}). Consumers read them by these names.
 */
public final class ChangeHeaders {

    /** The event's replay id on its channel; absent on records of a resync that no event announced. */
    public static final String REPLAY_ID = "ce_replayid";
    /** {@code CREATE}, {@code UPDATE}, ..., {@code GAP_*}, or {@code RESYNC}. */
    public static final String CHANGE_TYPE = "ce_changetype";
    public static final String TRANSACTION_KEY = "ce_transactionkey";
    public static final String SEQUENCE_NUMBER = "ce_sequencenumber";
    public static final String CHANGE_ORIGIN = "ce_changeorigin";
    /** {@code true} when the change was the portal's own write (see {@code portal.cdc.portal-clients}). */
    public static final String PORTAL_ORIGIN = "ce_portalorigin";
    public static final String CHANNEL = "ce_sfchannel";

    private ChangeHeaders() {
    }
}
