package dev.portal.wishlist.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.platform.security.CurrentUser;
import dev.portal.wishlist.users.Users;
import dev.portal.wishlist.web.FieldErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Groups: create (the caller becomes owner), members with roles, and the Stripe subscription binding. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupsController {

    private final GroupManagement management;
    private final Groups groups;
    private final Users users;
    private final CurrentUser currentUser;
    private final Validator validator;

    GroupsController(GroupManagement management, Groups groups, Users users,
                     CurrentUser currentUser, Validator validator) {
        this.management = management;
        this.groups = groups;
        this.users = users;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewGroup(@NotBlank @Size(max = 200) String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewMember(@NotBlank @Size(max = 200) String userId,
                     @NotNull @Pattern(regexp = "admin|member", message = "must be admin or member") String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Binding(@NotBlank @Pattern(regexp = "sub_[A-Za-z0-9_]{1,200}", message = "must be a Stripe subscription id (sub_...)")
                   String stripeSubscriptionId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupView(long id, String name, String role, Long subscriptionId, List<MemberView> members) {

        static GroupView of(Groups.GroupRow row, List<MemberView> members) {
            return new GroupView(row.id(), row.name(), row.role(), row.subscriptionId(), members);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberView(String userId, String role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(@RequestBody NewGroup body) {
        new FieldErrors().validate(validator, body).throwIfAny();
        return GroupView.of(management.create(currentUser.get(), body.name().strip()), null);
    }

    @GetMapping
    Map<String, List<GroupView>> list() {
        long userId = users.idOf(currentUser.get());
        return Map.of("data", groups.listFor(userId).stream().map(row -> GroupView.of(row, null)).toList());
    }

    @GetMapping("/{groupId}")
    GroupView show(@PathVariable long groupId) {
        Groups.GroupRow row = management.visible(currentUser.get(), groupId);
        return GroupView.of(row, members(groupId));
    }

    @PostMapping("/{groupId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    GroupView addMember(@PathVariable long groupId, @RequestBody NewMember body) {
        management.visible(currentUser.get(), groupId);
        new FieldErrors().validate(validator, body).throwIfAny();
        management.addMember(currentUser.get(), groupId, body.userId().strip(), Role.of(body.role()));
        return GroupView.of(management.visible(currentUser.get(), groupId), members(groupId));
    }

    @DeleteMapping("/{groupId}/members/{userId}")
    GroupView removeMember(@PathVariable long groupId, @PathVariable String userId) {
        management.removeMember(currentUser.get(), groupId, userId);
        return GroupView.of(management.visible(currentUser.get(), groupId), members(groupId));
    }

    @PutMapping("/{groupId}/subscription")
    GroupView bind(@PathVariable long groupId, @RequestBody Binding body) {
        management.visible(currentUser.get(), groupId);
        new FieldErrors().validate(validator, body).throwIfAny();
        return GroupView.of(management.bindSubscription(currentUser.get(), groupId, body.stripeSubscriptionId()), null);
    }

    private List<MemberView> members(long groupId) {
        return groups.members(groupId).stream().map(m -> new MemberView(m.userId(), m.role())).toList();
    }
}
