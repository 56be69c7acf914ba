package dev.portal.cdcbridge.checkpoint;

import dev.portal.clients.salesforce.streaming.ReplayIdStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code cdc_checkpoint} table: per channel the replay id of the last event Kafka acknowledged, and its commit time. */
@Repository
public class Checkpoints implements ReplayIdStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Checkpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public OptionalLong load(String channel) {
        return jdbc.sql("select replay_id from cdc_checkpoint where channel = ?").param(channel)
                .query(Long.class).optional().map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public void save(String channel, long replayId) {
        save(channel, replayId, null);
    }

    /** Stores the replay id (and the event's commit time, when known) after Kafka acknowledged every record of it. */
    public void save(String channel, long replayId, Instant committedAt) {
        jdbc.sql("""
                        insert into cdc_checkpoint (channel, replay_id, committed_at, updated_at) values (?, ?, ?, ?)
                        on conflict (channel) do update set replay_id = excluded.replay_id,
                            committed_at = coalesce(excluded.committed_at, cdc_checkpoint.committed_at), updated_at = excluded.updated_at""")
                .params(channel, replayId, committedAt == null ? null : Timestamp.from(committedAt), Timestamp.from(clock.instant()))
                .update();
    }

    /** The commit time of the last acknowledged event of the channel: where a resync starts. */
    public Optional<Instant> watermark(String channel) {
        return jdbc.sql("select committed_at from cdc_checkpoint where channel = ? and committed_at is not null").param(channel)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
