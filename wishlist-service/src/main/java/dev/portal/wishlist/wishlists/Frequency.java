package dev.portal.wishlist.wishlists;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** How often a wishlist is processed (price and stock checks by a later job); {@link #NONE} keeps it unscheduled. */
public enum Frequency {
    NONE, DAILY, WEEKLY, MONTHLY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Frequency ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The first run after {@code now}, in UTC calendar terms; null when unscheduled. */
    Instant nextRunAfter(Instant now) {
        return switch (this) {
            case NONE -> null;
            case DAILY -> now.atOffset(ZoneOffset.UTC).plusDays(1).toInstant();
            case WEEKLY -> now.atOffset(ZoneOffset.UTC).plusWeeks(1).toInstant();
            case MONTHLY -> now.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }

    /** The {@code text} column: {@code none}, {@code daily}, ... */
    @Converter(autoApply = true)
    static class Column implements AttributeConverter<Frequency, String> {

        @Override
        public String convertToDatabaseColumn(Frequency frequency) {
            return frequency == null ? null : frequency.wire();
        }

        @Override
        public Frequency convertToEntityAttribute(String wire) {
            return wire == null ? null : ofWire(wire);
        }
    }
}
