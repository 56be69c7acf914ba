package dev.portal.notification.stream;

import dev.portal.notification.feed.Notification;
import dev.portal.notification.feed.Position;
import dev.portal.notification.feed.Subscriber;
import dev.portal.notification.feed.Subscription;
import dev.portal.notification.feed.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open SSE stream: the frames for one client, in order, in a queue of their own. Whoever produces a frame (the
 * Kafka consumer, the heartbeat, the shutdown) only queues it, so a client that reads slowly delays nobody; one that
 * lets more than {@code buffer} frames wait is disconnected and resumes from the log when it comes back.
 *
 * <p>Locks: the user's log, then this stream; never the other way round (see {@link #closed()}).
 *
 * <p>Ids only grow: a notification at or before the last id sent (the client's {@code Last-Event-ID}, a replay
 * overlapping a live delivery) is not sent again.
 */
final class EventStream implements Subscriber {

    static final String RESET_EVENT = "reset";

    final UserId user;
    private final String lastEventId;
    private final Instant expiresAt;
    private final int buffer;
    private final Runnable abort;
    private final EventStreams streams;
    private final Sinks.Many<ServerSentEvent<String>> sink =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<ServerSentEvent<String>>unbounded(8).get());
    /** Frames queued and not yet taken by the connection. */
    private final AtomicInteger waiting = new AtomicInteger();

    // guarded by this
    private int partition = -1;
    private long lastSent;
    private boolean ended;
    private Subscription subscription;

    /**
     * @param lastEventId the client's {@code Last-Event-ID}, null on a new stream
     * @param expiresAt   when the access token the stream was opened with expires; the stream ends then
     * @param abort       closes the client's connection at once, queued frames and all
     */
    EventStream(UserId user, String lastEventId, Instant expiresAt, int buffer, Runnable abort, EventStreams streams) {
        this.user = user;
        this.lastEventId = lastEventId;
        this.expiresAt = expiresAt;
        this.buffer = buffer;
        this.abort = abort;
        this.streams = streams;
        this.lastSent = Position.parse(lastEventId).map(Position::offset).orElse(Long.MIN_VALUE);
    }

    String lastEventId() {
        return lastEventId;
    }

    /** What the connection writes. */
    Flux<ServerSentEvent<String>> frames() {
        return sink.asFlux().doOnNext(frame -> waiting.decrementAndGet());
    }

    /** The first frame, sent at once so that the response starts: the reconnection delay the client should use. */
    synchronized void open(Duration reconnect) {
        emit(ServerSentEvent.<String>builder().retry(reconnect).comment("open").build());
    }

    /** The stream's subscription to the user's notifications, once the log is ready. */
    void follow(Subscription subscription) {
        boolean gone;
        synchronized (this) {
            gone = ended;
            if (!gone) {
                this.subscription = subscription;
            }
        }
        if (gone) {
            subscription.cancel();
        }
    }

    @Override
    public synchronized void deliver(Notification notification) {
        partition = notification.position().partition();
        if (ended || notification.offset() <= lastSent) {
            return;
        }
        lastSent = notification.offset();
        emit(ServerSentEvent.builder(notification.data()).id(notification.position().id()).event(notification.type()).build());
        streams.delivered();
    }

    @Override
    public synchronized void checkpoint(Position position) {
        partition = position.partition();
        if (ended || position.offset() <= lastSent) {
            return;
        }
        lastSent = position.offset();
        // an id without data: the browser keeps it as its Last-Event-ID and dispatches nothing
        emit(ServerSentEvent.<String>builder().id(position.id()).build());
    }

    @Override
    public synchronized void reset(Position position) {
        partition = position.partition();
        if (ended) {
            return;
        }
        lastSent = position.offset();
        emit(ServerSentEvent.builder("{}").id(position.id()).event(RESET_EVENT).build());
        streams.reset(this);
    }

    /**
     * Keeps the connection alive through proxies. The comment carries the current position as id when it moved
     * past the last one sent, so a client whose user had no notification for a while still resumes from now.
     */
    synchronized void heartbeat(Instant now, IntFunction<Position> lastSeen) {
        if (ended) {
            return;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            // the browser reconnects with its current cookie; a stream never outlives the token that opened it
            end(Duration.ZERO, "token expired");
            return;
        }
        ServerSentEvent.Builder<String> frame = ServerSentEvent.<String>builder().comment("heartbeat");
        if (partition >= 0) {
            Position seen = lastSeen.apply(partition);
            if (seen.offset() > lastSent) {
                lastSent = seen.offset();
                frame.id(seen.id());
            }
        }
        emit(frame.build());
    }

    /** Ends the stream after the frames queued so far, telling the client to reconnect after {@code retry}. */
    synchronized void end(Duration retry, String why) {
        if (ended) {
            return;
        }
        emit(ServerSentEvent.<String>builder().retry(retry).comment(why).build());
        ended = true;
        sink.tryEmitComplete();
    }

    /** Disconnects the client at once: it fell too far behind (or the instance cannot wait for it any longer). */
    synchronized void drop() {
        if (ended) {
            return;
        }
        ended = true;
        abort.run();
        sink.tryEmitError(new IllegalStateException("stream of " + user + " dropped"));
    }

    /**
     * The connection is gone (closed by the client, ended, dropped): the subscription is cancelled here only, outside
     * this stream's monitor, because cancelling takes the user's log, and the log calls in with its own held.
     */
    void closed() {
        Subscription cancelled;
        synchronized (this) {
            ended = true;
            cancelled = subscription;
            subscription = null;
        }
        if (cancelled != null) {
            cancelled.cancel();
        }
    }

    private void emit(ServerSentEvent<String> frame) {
        if (waiting.incrementAndGet() > buffer) {
            waiting.decrementAndGet();
            streams.slow(this);
            drop();
            return;
        }
        if (sink.tryEmitNext(frame).isFailure()) {
            waiting.decrementAndGet(); // the connection is gone; its end is on the way
        }
    }
}
