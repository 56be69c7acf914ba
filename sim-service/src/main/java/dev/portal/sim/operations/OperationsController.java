package dev.portal.sim.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on one of the caller's SIMs. Each request answers 202 with the recorded operation (its status and the
 * day it takes effect); Freebit carries it out afterwards, and its history shows how it ended.
 */
@RestController
@RequestMapping("/api/sims/{simId}")
class OperationsController {

    private final OperationManagement management;

    OperationsController(OperationManagement management) {
        this.management = management;
    }

    /**
     * @param quotaMb data to add, in MB (Freebit's range)
     * @param date    the day to add it (00:00 Japan time); absent or today: now
     */
    record TopUpRequest(@NotNull @Min(1) @Max(512_000) Integer quotaMb, LocalDate date) {
    }

    record PlanChangeRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,32}", message = "is 1 to 32 letters, digits or _") String planCode) {
    }

    /** Voice options to set; absent ones stay as they are, at least one must be given. */
    record VoiceOptionsRequest(Boolean voiceMail, Boolean callWaiting, Boolean worldCall, Boolean worldWing) {

        @AssertTrue(message = "name at least one voice option")
        boolean isAnyOption() {
            return voiceMail != null || callWaiting != null || worldCall != null || worldWing != null;
        }

        Map<String, Boolean> options() {
            Map<String, Boolean> options = new LinkedHashMap<>();
            if (voiceMail != null) {
                options.put("voiceMail", voiceMail);
            }
            if (callWaiting != null) {
                options.put("callWaiting", callWaiting);
            }
            if (worldCall != null) {
                options.put("worldCall", worldCall);
            }
            if (worldWing != null) {
                options.put("worldWing", worldWing);
            }
            return options;
        }
    }

    record NetworkTypeRequest(@NotNull @Pattern(regexp = "4G|5G", message = "is 4G or 5G") String networkType) {
    }

    /** @param date the day the plan ends (tomorrow at the earliest) */
    record CancellationRequest(@NotNull LocalDate date) {
    }

    /**
     * @param eid  the new device's EID (32 digits)
     * @param date the day to reissue (absent: as soon as possible)
     */
    record EsimReissueRequest(@NotNull @Pattern(regexp = "\\d{32}", message = "is 32 digits") String eid, LocalDate date) {
    }

    @PostMapping("/top-ups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView topUp(@PathVariable long simId, @Valid @RequestBody TopUpRequest request) {
        return management.topUp(simId, request.quotaMb(), request.date());
    }

    @PostMapping("/plan-change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView changePlan(@PathVariable long simId, @Valid @RequestBody PlanChangeRequest request) {
        return management.changePlan(simId, request.planCode());
    }

    @PutMapping("/voice-options")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView changeVoiceOptions(@PathVariable long simId, @Valid @RequestBody VoiceOptionsRequest request) {
        return management.changeVoiceOptions(simId, request.options());
    }

    @PostMapping("/network-type")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView changeNetworkType(@PathVariable long simId, @Valid @RequestBody NetworkTypeRequest request) {
        return management.changeNetworkType(simId, request.networkType());
    }

    @PostMapping("/cancellation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView cancelPlan(@PathVariable long simId, @Valid @RequestBody CancellationRequest request) {
        return management.cancelPlan(simId, request.date());
    }

    @PostMapping("/esim-reissue")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OperationView reissueEsim(@PathVariable long simId, @Valid @RequestBody EsimReissueRequest request) {
        return management.reissueEsim(simId, request.eid(), request.date());
    }

    /** The SIM's operations, newest first, with status and, for failed ones, the reason. */
    @GetMapping("/operations")
    List<OperationView> history(@PathVariable long simId) {
        return management.history(simId);
    }

    /** Cancels a scheduled operation before it is sent. */
    @DeleteMapping("/operations/{operationId}")
    OperationView cancelOperation(@PathVariable long simId, @PathVariable UUID operationId) {
        return management.cancelOperation(simId, operationId);
    }
}
