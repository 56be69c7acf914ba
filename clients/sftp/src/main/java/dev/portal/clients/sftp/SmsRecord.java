package dev.portal.clients.sftp;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One SMS of an SMS file; {@code sentAt} carries the JST offset. Columns the layout maps to nothing are null. */
public record SmsRecord(String recordId, String account, OffsetDateTime sentAt, Direction direction, String peerNumber,
                        String smsType, Integer segments, BigDecimal chargeJpy, String productNumber) {
}
