package dev.portal.sandbox.sftp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Scenarios of the CDR drop: a usage day (new or corrected files), a file without its trigger, the listing. */
@RestController
@RequestMapping("/sandbox/admin/sftp")
class SftpAdminController {

    private final SftpCdrDrop drop;
    private final SftpServer server;
    private final SftpAuthorizedKeys authorizedKeys;

    SftpAdminController(SftpCdrDrop drop, SftpServer server, SftpAuthorizedKeys authorizedKeys) {
        this.drop = drop;
        this.server = server;
        this.authorizedKeys = authorizedKeys;
    }

    record AuthorizedKey(@NotNull String publicKey) {
    }

    record AddedKey(String fingerprint) {
    }

    /** Lets the MVNO user log in with this key too, until the next reset. */
    @PostMapping("/authorized-keys")
    @ResponseStatus(HttpStatus.CREATED)
    AddedKey authorize(@Valid @RequestBody AuthorizedKey key) {
        return new AddedKey(authorizedKeys.add(key.publicKey()));
    }

    /** A day of usage; {@code account} (an MSISDN) limits it to one seeded line, otherwise every line. */
    record UsageDay(@NotNull LocalDate date, @Pattern(regexp = "\\d{11}") String account,
                    @Min(0) @Max(SftpCdrRecords.MAX_PER_DAY) int calls, @Min(0) @Max(SftpCdrRecords.MAX_PER_DAY) int sms) {
    }

    record IncompleteFile(@NotNull LocalDate date, SftpCdrDrop.Kind kind) {
    }

    record Files(List<SftpCdrDrop.CdrFile> files) {
    }

    /** A file as given: {@code content} is written in the drop's charset; {@code complete} false leaves out the trigger. */
    record RawFile(@NotNull String name, @NotNull String content, Boolean complete) {
    }

    /** {@code records} generated rows over {@code lines} made-up lines (volume tests). */
    record BulkFile(@NotNull LocalDate date, SftpCdrDrop.Kind kind, @Min(1) @Max(10_000_000) int records,
                    @Min(1) @Max(10_000_000) int lines) {
    }

    @GetMapping("/files")
    Files files() {
        return new Files(drop.files());
    }

    @PostMapping("/usage-days")
    @ResponseStatus(HttpStatus.CREATED)
    Files addUsageDay(@Valid @RequestBody UsageDay day) {
        return new Files(drop.addUsageDay(day.date(), day.account(), day.calls(), day.sms()));
    }

    @PostMapping("/incomplete-files")
    @ResponseStatus(HttpStatus.CREATED)
    SftpCdrDrop.CdrFile publishIncomplete(@Valid @RequestBody IncompleteFile file) {
        return drop.publishIncomplete(file.date(), file.kind() == null ? SftpCdrDrop.Kind.CALL : file.kind());
    }

    @PostMapping("/raw-files")
    @ResponseStatus(HttpStatus.CREATED)
    SftpCdrDrop.CdrFile publishRaw(@Valid @RequestBody RawFile file) {
        return drop.publishRaw(file.name(), file.content(), !Boolean.FALSE.equals(file.complete()));
    }

    @PostMapping("/bulk-files")
    @ResponseStatus(HttpStatus.CREATED)
    SftpCdrDrop.CdrFile publishBulk(@Valid @RequestBody BulkFile file) {
        return drop.publishBulk(file.date(), file.kind() == null ? SftpCdrDrop.Kind.CALL : file.kind(), file.records(), file.lines());
    }

    @GetMapping("/host-key")
    SftpServer.HostKey hostKey() {
        return server.hostKey();
    }
}
