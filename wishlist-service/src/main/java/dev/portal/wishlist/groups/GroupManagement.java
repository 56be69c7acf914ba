package dev.portal.wishlist.groups;

import dev.portal.platform.security.PortalUser;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.subscriptions.SubscriptionService;
import dev.portal.wishlist.users.Users;
import dev.portal.wishlist.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Groups, their members and the Stripe subscription that pays for a group's wishlists. */
@Service
class GroupManagement {

    private static final Logger log = LoggerFactory.getLogger(GroupManagement.class);

    private final Groups groups;
    private final Users users;
    private final SubscriptionService subscriptions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    GroupManagement(Groups groups, Users users, SubscriptionService subscriptions, AuditLog audit,
                    TransactionTemplate transactions) {
        this.groups = groups;
        this.users = users;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.transactions = transactions;
    }

    Groups.GroupRow create(PortalUser caller, String name) {
        long userId = users.idOf(caller);
        return transactions.execute(tx -> {
            long id = groups.create(name, userId);
            audit.record(userId, "group.created", "group", String.valueOf(id), null, Map.of("name", name, "owner", caller.id()));
            log.info("group {} created", id);
            return new Groups.GroupRow(id, name, null, Role.OWNER.wire());
        });
    }

    /** The caller's view of a group; 404 when the caller is not a member (existence is not revealed). */
    Groups.GroupRow visible(PortalUser caller, long groupId) {
        return groups.findFor(groupId, users.idOf(caller)).orElseThrow(GroupNotFound::new);
    }

    void addMember(PortalUser caller, long groupId, String portalUserId, Role role) {
        long callerId = users.idOf(caller);
        Role callerRole = manager(groupId, callerId);
        if (role == Role.OWNER || (role == Role.ADMIN && callerRole != Role.OWNER)) {
            throw new RoleNotAssignable("Only the owner assigns admins; a group has one owner.");
        }
        // a member is a portal user this service knows (registered at identity, or seen with a token): never an id
        // that no one has, which would leave a row for a user who does not exist
        Optional<Long> member = users.find(portalUserId);
        if (member.isEmpty()) {
            new FieldErrors().add("user_id", "no such portal user").throwIfAny();
        }
        long memberId = member.orElseThrow();
        transactions.executeWithoutResult(tx -> {
            Map<String, Object> before = groups.roleOf(groupId, memberId).map(r -> Map.<String, Object>of("role", r.wire())).orElse(null);
            if (before != null && Role.OWNER.wire().equals(before.get("role"))) {
                throw new OwnerRoleFixed();
            }
            groups.saveMember(groupId, memberId, role);
            audit.record(callerId, "group.member-saved", "group", String.valueOf(groupId), before,
                    Map.of("user_id", portalUserId, "role", role.wire()));
        });
    }

    void removeMember(PortalUser caller, long groupId, String portalUserId) {
        long callerId = users.idOf(caller);
        Role callerRole = manager(groupId, callerId);
        long memberId = users.find(portalUserId).orElseThrow(MemberNotFound::new);
        Role memberRole = groups.roleOf(groupId, memberId).orElseThrow(MemberNotFound::new);
        if (memberRole == Role.OWNER) {
            throw new OwnerCannotBeRemoved();
        }
        if (memberRole == Role.ADMIN && callerRole != Role.OWNER) {
            throw new RoleNotAssignable("Only the owner removes admins.");
        }
        transactions.executeWithoutResult(tx -> {
            groups.removeMember(groupId, memberId);
            audit.record(callerId, "group.member-removed", "group", String.valueOf(groupId),
                    Map.of("user_id", portalUserId, "role", memberRole.wire()), null);
        });
    }

    /** Binds the group to a Stripe subscription, verified with Stripe; only the owner may. */
    Groups.GroupRow bindSubscription(PortalUser caller, long groupId, String stripeSubscriptionId) {
        long callerId = users.idOf(caller);
        Role role = groups.roleOf(groupId, callerId).orElseThrow(GroupNotFound::new);
        if (role != Role.OWNER) {
            throw new OwnerOnly();
        }
        Optional<Long> stored = subscriptions.fetchAndStore(stripeSubscriptionId);
        if (stored.isEmpty()) {
            new FieldErrors().add("stripe_subscription_id", "no such subscription at Stripe").throwIfAny();
        }
        long subscriptionId = stored.orElseThrow();
        return transactions.execute(tx -> {
            if (groups.otherGroupPaidBy(subscriptionId, groupId).isPresent()) {
                throw new SubscriptionAlreadyBound();
            }
            Long previous = groups.subscriptionOf(groupId).orElse(null);
            groups.bindSubscription(groupId, subscriptionId);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("subscription_id", subscriptionId);
            after.put("stripe_subscription_id", stripeSubscriptionId);
            audit.record(callerId, "group.subscription-bound", "group", String.valueOf(groupId),
                    previous == null ? null : Map.of("subscription_id", previous), after);
            return groups.findFor(groupId, callerId).orElseThrow();
        });
    }

    private Role manager(long groupId, long callerId) {
        Role role = groups.roleOf(groupId, callerId).orElseThrow(GroupNotFound::new);
        if (!role.manages()) {
            throw new GroupAdminRequired();
        }
        return role;
    }
}
