package dev.portal.identity.profile;

import dev.portal.platform.security.CurrentUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's profile and address (WHMCS). The bodies are read as plain JSON objects first so that fields the
 * endpoint does not take are refused by name ({@code 400 unknown-fields}) instead of silently dropped: nothing but
 * the listed fields can ever reach WHMCS. The email cannot be changed here (it is the login identity).
 */
@RestController
class ProfileController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROFILE_FIELDS = Set.of("firstName", "lastName", "phone", "companyName");
    private static final Set<String> ADDRESS_FIELDS = Set.of("address1", "address2", "city", "state", "postcode", "country");

    private final ProfileManagement profiles;
    private final CurrentUser currentUser;
    private final Validator validator;

    ProfileController(ProfileManagement profiles, CurrentUser currentUser, Validator validator) {
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    @GetMapping("/api/me/profile")
    Profile profile() {
        return profiles.profile(caller());
    }

    @PatchMapping("/api/me/profile")
    Profile updateProfile(@RequestBody Map<String, Object> body) {
        return profiles.updateProfile(caller(), read(body, PROFILE_FIELDS, ProfilePatch.class));
    }

    @GetMapping("/api/me/address")
    Address address() {
        return profiles.address(caller());
    }

    @PutMapping("/api/me/address")
    Address replaceAddress(@RequestBody Map<String, Object> body) {
        return profiles.replaceAddress(caller(), read(body, ADDRESS_FIELDS, AddressUpdate.class));
    }

    private UUID caller() {
        return UUID.fromString(currentUser.get().id());
    }

    private <T> T read(Map<String, Object> body, Set<String> allowed, Class<T> type) {
        List<String> unknown = new ArrayList<>(body.keySet().stream().filter(name -> !allowed.contains(name)).sorted().toList());
        if (!unknown.isEmpty()) {
            throw new UnknownFields(unknown);
        }
        T value;
        try {
            value = JSON.convertValue(body, type);
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new FieldsNotText();
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
