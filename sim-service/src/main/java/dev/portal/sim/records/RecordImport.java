package dev.portal.sim.records;

import dev.portal.clients.sftp.CallRecord;
import dev.portal.clients.sftp.CdrFile;
import dev.portal.clients.sftp.CdrFileClient;
import dev.portal.clients.sftp.CdrFormatException;
import dev.portal.clients.sftp.CdrParser;
import dev.portal.clients.sftp.CdrSummary;
import dev.portal.clients.sftp.MalformedLine;
import dev.portal.clients.sftp.SmsRecord;
import dev.portal.sim.config.SimProperties;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports call and SMS records from the SFTP drop. Only complete files are read (their trigger file exists); each
 * is downloaded to a work file, then streamed through the parser in batches, each batch written in one transaction
 * together with the file's progress (the last line written). So a crash mid-file resumes after that line, a file
 * read again writes nothing twice (records are keyed by their record id), and a malformed row is quarantined
 * with its file and line while the rest of the file is imported. Run by one instance at a time (a db-scheduler
 * recurring task). Present where an SFTP drop is configured ({@code portal.clients.sftp.host}): a staging cluster on
 * the sandbox, whose drop is not reachable there, runs without it (the records already imported stay queryable).
 */
@Component
@ConditionalOnProperty(prefix = "portal.clients.sftp", name = "host")
public class RecordImport {

    private static final Logger log = LoggerFactory.getLogger(RecordImport.class);

    /** What one file's import did. */
    public record Result(String file, boolean skipped, long records, long quarantined) {
    }

    private final CdrFileClient drop;
    private final CdrParser parser;
    private final CdrFiles files;
    private final UsageRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SimProperties.Records settings;

    RecordImport(CdrFileClient drop, CdrParser parser, CdrFiles files, UsageRecords records, TransactionTemplate transactions,
                 Clock clock, SimProperties properties) {
        this.drop = drop;
        this.parser = parser;
        this.files = files;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.records();
    }

    /** Imports every complete file of the drop not imported yet, oldest day first. */
    public List<Result> importDrop() {
        List<Result> results = new ArrayList<>();
        for (CdrFile file : drop.listCompleteFiles()) {
            results.add(importFile(file));
        }
        return results;
    }

    /** Imports one complete file, resuming where an earlier import of it stopped; an imported file is skipped. */
    public Result importFile(CdrFile file) {
        CdrFiles.State state = files.begin(file, clock.instant());
        if (state.status() != CdrFiles.Status.IMPORTING) {
            return new Result(file.name(), true, state.records(), state.quarantined());
        }
        Path work = download(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(work), 1 << 16)) {
            long started = System.nanoTime();
            CdrSummary summary = file.kind() == CdrFile.Kind.CALL
                    ? read(file, state, in, CallRecord::recordId, (batch) -> records.writeCalls(batch, file.name(), file.seq()),
                    (sink) -> parser.readCalls(file.name(), in, sink))
                    : read(file, state, in, SmsRecord::recordId, (batch) -> records.writeSms(batch, file.name(), file.seq()),
                    (sink) -> parser.readSms(file.name(), in, sink));
            files.imported(file.name(), clock.instant());
            CdrFiles.State done = files.find(file.name()).orElseThrow();
            log.info("CDR file {} imported: {} records, {} quarantined ({} lines, from line {}) in {} ms", file.name(),
                    done.records(), done.quarantined(), summary.lines(), state.linesDone() + 1,
                    (System.nanoTime() - started) / 1_000_000);
            return new Result(file.name(), false, done.records(), done.quarantined());
        } catch (CdrFormatException e) {
            files.failed(file.name(), e.getMessage(), clock.instant());
            log.warn("CDR file {} not importable: {}", file.name(), e.getMessage());
            return new Result(file.name(), false, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(work);
            } catch (IOException e) {
                log.warn("work file {} not removed: {}", work, e.getMessage());
            }
        }
    }

    /** Reads a file again from its first line (an operator's correction); writes no record twice. */
    public Result reimport(CdrFile file) {
        files.begin(file, clock.instant());
        files.restart(file.name());
        return importFile(file);
    }

    private Path download(CdrFile file) {
        try {
            Path directory = settings.workDirectory() != null ? Files.createDirectories(settings.workDirectory())
                    : Path.of(System.getProperty("java.io.tmpdir"));
            Path work = Files.createTempFile(directory, "cdr-", ".csv");
            try (OutputStream out = Files.newOutputStream(work)) {
                drop.downloadTo(file.name(), out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(work);
                throw e;
            }
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> CdrSummary read(CdrFile file, CdrFiles.State state, InputStream in, Function<T, String> id,
                                java.util.function.Consumer<java.util.Collection<T>> write,
                                Function<CdrParser.Sink<T>, CdrSummary> parse) {
        Batches<T> batches = new Batches<>(file.name(), state.linesDone(), id, write);
        CdrSummary summary = parse.apply(batches);
        batches.flush();
        return summary;
    }

    /** Collects rows after the resume line and writes them a batch at a time, each with the file's progress. */
    private final class Batches<T> implements CdrParser.Sink<T> {

        private final String file;
        private final long resumeAfter;
        private final Function<T, String> id;
        private final java.util.function.Consumer<java.util.Collection<T>> write;
        /** By record id: a file that repeats an id keeps its last row, as a later correction would. */
        private final Map<String, T> rows = new LinkedHashMap<>();
        private final List<MalformedLine> malformed = new ArrayList<>();
        private long lastLine;
        private long recordCount;

        Batches(String file, long resumeAfter, Function<T, String> id, java.util.function.Consumer<java.util.Collection<T>> write) {
            this.file = file;
            this.resumeAfter = resumeAfter;
            this.id = id;
            this.write = write;
        }

        @Override
        public void record(long line, T record) {
            if (line <= resumeAfter) {
                return;
            }
            rows.put(id.apply(record), record);
            recordCount++;
            lastLine = line;
            if (recordCount + malformed.size() >= settings.batchSize()) {
                flush();
            }
        }

        @Override
        public void malformed(MalformedLine line) {
            if (line.line() <= resumeAfter) {
                return;
            }
            malformed.add(line);
            lastLine = Math.max(lastLine, line.line());
            log.warn("CDR file {} line {} quarantined: {}", line.fileName(), line.line(), line.problem());
            if (recordCount + malformed.size() >= settings.batchSize()) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty() && malformed.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(status -> {
                if (!rows.isEmpty()) {
                    write.accept(rows.values());
                }
                if (!malformed.isEmpty()) {
                    records.quarantine(malformed, clock.instant());
                }
                files.progress(file, lastLine, recordCount, malformed.size());
            });
            rows.clear();
            malformed.clear();
            recordCount = 0;
        }
    }
}
