package dev.portal.notification;

import java.util.List;

/**
 * One message of an event stream as a browser's {@code EventSource} parses it (fields up to a blank line).
 *
 * @param id       the {@code id:} field, null when absent
 * @param event    the {@code event:} field, null when absent (a browser dispatches {@code message} then)
 * @param data     the {@code data:} lines joined by line breaks, null when absent
 * @param retry    the {@code retry:} field in milliseconds, null when absent
 * @param comments the comment lines ({@code :...}), without the colon
 */
public record SseFrame(String id, String event, String data, Long retry, List<String> comments) {

    /** A notification or a reset: what a browser dispatches as an event. */
    public boolean isEvent() {
        return data != null;
    }
}
