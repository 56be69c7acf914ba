package dev.portal.identity.profile;

import dev.portal.clients.whmcs.ClientDetails;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.ClientUpdate;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Profile and address live in WHMCS: read with GetClientsDetails, written with UpdateClient. The last read is kept
 * per user in PostgreSQL ({@code profile_cache}, shared by the replicas) for {@code portal.identity.profile-cache-ttl}
 * and deleted on every successful update, so the next read sees the change.
 */
@Service
public class ProfileManagement {

    private static final Logger log = LoggerFactory.getLogger(ProfileManagement.class);

    /** What is cached: both views of one GetClientsDetails answer. */
    record Snapshot(Profile profile, Address address) {
    }

    private final Users users;
    private final WhmcsClient whmcs;
    private final CachedProfiles cache;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final IdentityProperties properties;
    private final Clock clock;

    ProfileManagement(Users users, WhmcsClient whmcs, CachedProfiles cache, TransactionTemplate transactions, Outbox outbox,
                      IdentityProperties properties, Clock clock) {
        this.users = users;
        this.whmcs = whmcs;
        this.cache = cache;
        this.transactions = transactions;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public Profile profile(UUID userId) {
        return snapshot(userId).profile();
    }

    public Address address(UUID userId) {
        return snapshot(userId).address();
    }

    public Profile updateProfile(UUID userId, ProfilePatch patch) {
        IdMapping mapping = mapping(userId);
        List<String> fields = new ArrayList<>();
        ClientUpdate update = ClientUpdate.of(mapping.whmcsClientId());
        if (patch.firstName() != null || patch.lastName() != null) {
            update = update.withName(trim(patch.firstName()), trim(patch.lastName()));
            if (patch.firstName() != null) {
                fields.add("firstName");
            }
            if (patch.lastName() != null) {
                fields.add("lastName");
            }
        }
        if (patch.phone() != null) {
            update = update.withPhonenumber(patch.phone().trim());
            fields.add("phone");
        }
        if (patch.companyName() != null) {
            update = update.withCompanyname(patch.companyName().trim());
            fields.add("companyName");
        }
        if (!fields.isEmpty()) {
            whmcs.updateClient(update);
            changed(userId, mapping, fields, patch.firstName() == null ? null : trim(patch.firstName()),
                    patch.lastName() == null ? null : trim(patch.lastName()));
        }
        return profile(userId);
    }

    public Address replaceAddress(UUID userId, AddressUpdate address) {
        IdMapping mapping = mapping(userId);
        whmcs.updateClient(ClientUpdate.of(mapping.whmcsClientId()).withAddress(address.address1().trim(),
                address.address2() == null ? "" : address.address2().trim(), address.city().trim(), address.state().trim(),
                address.postcode().trim(), address.country()));
        changed(userId, mapping, List.of("address"), null, null);
        return address(userId);
    }

    /** The login email changed (WHMCS has it already): the cached profile, which shows the email, goes. */
    public void emailChanged(UUID userId) {
        cache.evict(userId);
    }

    /** After WHMCS accepted: the cache entry goes, the portal's copy of the names follows, the event is published. */
    private void changed(UUID userId, IdMapping mapping, List<String> fields, String firstName, String lastName) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            cache.evict(userId);
            if (firstName != null || lastName != null) {
                users.rename(userId, firstName, lastName);
            }
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new ProfileUpdated(userId, mapping.whmcsClientId(), fields, now));
        });
        log.info("profile of user {} updated in WHMCS client {}: {}", userId, mapping.whmcsClientId(), fields);
    }

    private Snapshot snapshot(UUID userId) {
        IdMapping mapping = mapping(userId);
        Instant now = clock.instant();
        Optional<Snapshot> cached = cache.find(userId, now.minus(properties.profileCacheTtl()));
        if (cached.isPresent()) {
            return cached.get();
        }
        ClientDetails client = whmcs.getClientsDetails(ClientLookup.byId(mapping.whmcsClientId()), false).client();
        Snapshot fresh = new Snapshot(
                new Profile(client.email(), client.firstname(), client.lastname(), blankToNull(client.phonenumber()),
                        blankToNull(client.companyname())),
                new Address(client.address1(), blankToNull(client.address2()), client.city(), client.state(), client.postcode(),
                        client.country()));
        cache.put(userId, fresh, now);
        return fresh;
    }

    private IdMapping mapping(UUID userId) {
        return users.mapping(userId).orElseThrow(AccountNotLinked::new);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
