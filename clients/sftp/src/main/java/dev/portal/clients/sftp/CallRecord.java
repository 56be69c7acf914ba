package dev.portal.clients.sftp;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One call of a CALL file. Timestamps carry the files' JST offset (+09:00); the charge is tax-excluded JPY.
 * Columns the layout maps to nothing are null.
 */
public record CallRecord(String recordId, String account, OffsetDateTime callStart, OffsetDateTime callEnd,
                         Integer durationSec, Direction direction, String calledNumber, String callType,
                         String destinationCountry, Integer billableUnits, BigDecimal chargeJpy, String taxClass,
                         String productNumber, String planCode) {
}
