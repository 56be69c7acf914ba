package dev.portal.sandbox.sftp;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulated call/SMS detail record drop. Everything about the file layout is a proposal of the fact sheet
 * ([G]: no public spec exists), so each detail is a setting here.
 *
 * @param port             SFTP port on 127.0.0.1 (0: a free port; the bound one is published as
 *                         {@code sandbox.sftp.bound-port})
 * @param portFallback     when {@code port} is taken, bind a free port instead of failing start-up (and log it)
 * @param username         the MVNO's login ({@code SANDBOX_SFTP_USERNAME})
 * @param password         its password ({@code SANDBOX_SFTP_PASSWORD})
 * @param hostKeyFile      where the server's host key is generated once and kept, so clients can pin it
 * @param directory        the read-only directory the daily files are dropped into
 * @param oemId            the MVNO id in file names
 * @param charset          file encoding (Shift_JIS, or UTF-8)
 * @param triggerSuffix    suffix of the trigger file written after each data file
 * @param trailer          whether files end with {@code #EOF,<count>,<sum_charge_jpy>}
 * @param seedDays         how many days before today (JST, sandbox clock) are seeded
 * @param callColumns      CALL columns, in file order (a subset or reordering of the fact sheet's)
 * @param smsColumns       SMS columns, in file order
 * @param authorizedKeys   OpenSSH public key lines the user may also log in with (password auth always works)
 */
@Validated
@ConfigurationProperties("sandbox.sftp")
record SftpSettings(@Min(0) @Max(65535) Integer port, Boolean portFallback, @NotBlank String username, @NotBlank String password,
                    Path hostKeyFile, @NotBlank String directory, @NotBlank String oemId, String charset,
                    @NotBlank String triggerSuffix, Boolean trailer, @Min(0) Integer seedDays, List<String> callColumns,
                    List<String> smsColumns, List<String> authorizedKeys) {

    static final List<String> CALL_COLUMNS = List.of("record_id", "account", "call_start", "call_end", "duration_sec",
            "direction", "called_number", "call_type", "destination_country", "billable_units", "charge_jpy",
            "tax_class", "product_number", "plan_code");
    static final List<String> SMS_COLUMNS = List.of("record_id", "account", "sent_at", "direction", "peer_number",
            "sms_type", "segments", "charge_jpy", "product_number");

    SftpSettings {
        port = port != null ? port : 2222;
        portFallback = portFallback != null ? portFallback : Boolean.FALSE;
        username = username != null ? username : "mvno";
        password = password != null ? password : "mvno";
        hostKeyFile = hostKeyFile != null ? hostKeyFile
                : Path.of(System.getProperty("java.io.tmpdir"), "portal-sandbox", "sftp-host-key.pem");
        directory = directory != null ? directory : "/outbound/cdr";
        oemId = oemId != null ? oemId : "sandbox-oem";
        charset = charset != null ? charset : "Shift_JIS";
        triggerSuffix = triggerSuffix != null ? triggerSuffix : ".end";
        trailer = trailer != null ? trailer : Boolean.TRUE;
        seedDays = seedDays != null ? seedDays : 3;
        callColumns = callColumns != null ? List.copyOf(callColumns) : CALL_COLUMNS;
        smsColumns = smsColumns != null ? List.copyOf(smsColumns) : SMS_COLUMNS;
        authorizedKeys = authorizedKeys != null ? List.copyOf(authorizedKeys) : List.of();
    }

    @AssertTrue(message = "sandbox.sftp.call-columns and .sms-columns may only name known CDR columns")
    boolean isEveryColumnKnown() {
        return CALL_COLUMNS.containsAll(callColumns) && SMS_COLUMNS.containsAll(smsColumns);
    }

    @AssertTrue(message = "sandbox.sftp.charset must name a charset this JVM supports, e.g. Shift_JIS or UTF-8")
    boolean isCharsetSupported() {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
