package dev.portal.sandbox.admin;

import dev.portal.platform.web.ProblemException;
import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import dev.portal.sandbox.fault.Fault;
import dev.portal.sandbox.fault.Faults;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The cross-system part of the admin API: reset to the seed, and fault injection. Each simulator adds its own
 * scenario endpoints under {@code /sandbox/admin/<system>/}. The admin API is for local development and tests
 * only; the sandbox listens on loopback.
 */
@RestController
@RequestMapping("/sandbox/admin")
class AdminController {

    private final Faults faults;
    private final List<SeededState> states;

    AdminController(Faults faults, List<SeededState> states) {
        this.faults = faults;
        this.states = states;
    }

    record Reset(List<String> systems) {
    }

    /** Puts every system back to its seeded data and clears every fault. */
    @PostMapping("/reset")
    Reset reset() {
        faults.clearAll();
        states.forEach(SeededState::reset);
        return new Reset(states.stream().map(SeededState::system).distinct().sorted().toList());
    }

    @GetMapping("/faults")
    Map<String, Fault> faults() {
        return faults.current();
    }

    @PutMapping("/faults/{system}")
    Fault inject(@PathVariable String system, @Valid @RequestBody Fault fault) {
        faults.inject(known(system), fault);
        return faults.current().get(system);
    }

    @DeleteMapping("/faults/{system}")
    ResponseEntity<Void> clear(@PathVariable String system) {
        faults.clear(known(system));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearAll() {
        faults.clearAll();
        return ResponseEntity.noContent().build();
    }

    private static String known(String system) {
        if (!SandboxSystems.ALL.contains(system)) {
            throw ProblemException.notFound("unknown-system", "no simulated system '" + system + "'; known: " + SandboxSystems.ALL);
        }
        return system;
    }
}
