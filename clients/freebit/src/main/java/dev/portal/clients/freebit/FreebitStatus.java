package dev.portal.clients.freebit;

/**
 * What Freebit's envelope said about a refused call.
 *
 * @param resultCode the envelope's {@code resultCode}, e.g. {@code "211"} ({@code "100"} is success)
 * @param statusCode the envelope's {@code status.statusCode}, or null when absent
 * @param message    the envelope's {@code status.message}, or null when absent
 */
public record FreebitStatus(String resultCode, String statusCode, String message) {

    @Override
    public String toString() {
        return "resultCode " + resultCode + " (statusCode " + statusCode + "): " + message;
    }
}
