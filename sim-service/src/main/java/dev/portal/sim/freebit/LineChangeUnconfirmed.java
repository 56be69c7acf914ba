package dev.portal.sim.freebit;

/**
 * A change was sent but no verdict came back (timeout, connection lost, 5xx, an unreadable answer): Freebit may
 * or may not have taken it. Such a change is never sent again blindly; the line is read to find out.
 */
public class LineChangeUnconfirmed extends RuntimeException {

    LineChangeUnconfirmed(String detail, Throwable cause) {
        super(detail, cause);
    }
}
