package dev.portal.sandbox.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A fault injected into one simulated system. Every field is optional.
 *
 * @param latencyMs delay added before every affected request is handled
 * @param latencyMaxMs with {@code latencyMs}, the upper end of a delay drawn uniformly for each request
 *                  ({@code latencyMs}..{@code latencyMaxMs}), like a real system's spread of response times
 * @param failure   what an affected request gets instead of its answer: an error {@code status}, a {@code hang}
 *                  (no answer for {@code hangMs}, so clients time out) or a {@code drop} (the connection closes
 *                  half-way through the answer); none means latency only
 * @param status    the HTTP status of a {@code status} failure (default 503)
 * @param rate      the share of requests affected, 0..1 (default 1: every request)
 * @param remaining affect only the next this-many requests, then clear (default: until cleared)
 * @param hangMs    how long a {@code hang} lasts before the sandbox gives up with a 504 (default 60000)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(@Min(0) @Max(120_000) Integer latencyMs,
                    @Min(0) @Max(120_000) Integer latencyMaxMs,
                    Failure failure,
                    @Min(400) @Max(599) Integer status,
                    @DecimalMin("0.0") @DecimalMax("1.0") Double rate,
                    @Min(1) Integer remaining,
                    @Min(1) @Max(300_000) Integer hangMs) {

    public enum Failure {
        @JsonProperty("status") STATUS,
        @JsonProperty("hang") HANG,
        @JsonProperty("drop") DROP
    }

    /** The delay for one request: {@code latencyMs}, or a draw up to {@code latencyMaxMs} when that is larger. */
    int latencyFor(double uniform) {
        int low = latencyMs != null ? latencyMs : 0;
        if (latencyMaxMs == null || latencyMaxMs <= low) {
            return low;
        }
        return low + (int) Math.floor(uniform * (latencyMaxMs - low + 1));
    }

    int effectiveStatus() {
        return status != null ? status : 503;
    }

    double effectiveRate() {
        return rate != null ? rate : 1.0;
    }

    int effectiveHangMs() {
        return hangMs != null ? hangMs : 60_000;
    }
}
