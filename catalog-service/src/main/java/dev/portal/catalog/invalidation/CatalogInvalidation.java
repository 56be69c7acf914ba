package dev.portal.catalog.invalidation;

import dev.portal.catalog.snapshot.CatalogCache;
import dev.portal.catalog.products.SalesforceId;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps this instance's catalogue fresh from the bridged Salesforce change events (binding {@code catalogChanges-in-0}:
 * the three change topics, a consumer group of this instance's own, so that every instance sees every event).
 *
 * <p>A PricebookEntry or Product2 change re-reads just that record through REST and patches the snapshot; a
 * deletion removes it; a Pricebook2 change, a {@code GAP_*} or {@code RESYNC} record, or any change type it does
 * not know reloads everything. Applying an event twice reads the same record twice: the effect is idempotent by
 * itself, so no inbox (and no database) is needed. A record without the bridge's change type, or about something
 * that is not a Salesforce id, is malformed and dead-lettered at once.
 */
@Configuration(proxyBeanMethods = false)
class CatalogInvalidation {

    static final String CHANGE_TYPE = "changetype";
    private static final Logger log = LoggerFactory.getLogger(CatalogInvalidation.class);

    private final CatalogCache cache;

    CatalogInvalidation(CatalogCache cache) {
        this.cache = cache;
    }

    @Bean
    Consumer<Message<byte[]>> catalogChanges(EventConsumers consumers) {
        return consumers.idempotent(SalesforceChange.class, this::apply);
    }

    void apply(SalesforceChange change, EventEnvelope envelope) {
        String recordId = envelope.subject();
        String changeType = envelope.extension(CHANGE_TYPE).orElseThrow(() -> new MalformedEventException(
                "event " + envelope.id() + " (" + envelope.type() + ") has no ce_" + CHANGE_TYPE + " attribute"));
        if (!SalesforceId.isWellFormed(recordId)) {
            throw new MalformedEventException("event " + envelope.id() + " is not about a Salesforce record: " + recordId);
        }
        switch (changeType) {
            case "CREATE", "UPDATE", "UNDELETE" -> {
                switch (change) {
                    case SalesforceChange.PricebookEntryChanged entry -> cache.entryChanged(recordId);
                    case SalesforceChange.ProductChanged product -> cache.productChanged(recordId);
                    case SalesforceChange.PricebookChanged pricebook -> cache.reloadQuietly(changeType + " of price book " + recordId);
                }
            }
            case "DELETE" -> {
                switch (change) {
                    case SalesforceChange.PricebookEntryChanged entry -> cache.entryDeleted(recordId);
                    case SalesforceChange.ProductChanged product -> cache.productDeleted(recordId);
                    case SalesforceChange.PricebookChanged pricebook -> cache.reloadQuietly("DELETE of price book " + recordId);
                }
            }
            default -> cache.reloadQuietly(changeType + " (" + envelope.type() + ") for " + recordId);
        }
        log.debug("applied {} {} {}", envelope.type(), changeType, recordId);
    }
}
