package dev.portal.notification.stream;

import dev.portal.notification.config.NotificationProperties;
import dev.portal.notification.feed.RecentNotifications;
import dev.portal.notification.feed.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * The open streams of this instance: opened within the caps, kept alive by one heartbeat for all of them, and
 * handed over to the other instances on shutdown.
 *
 * <p>Shutdown (this bean stops first, before the Kafka binding and the web server): the instance already reports
 * not ready; it keeps serving for {@code drain} so that the load balancer stops sending new streams, then tells
 * every client to reconnect after a random delay of up to {@code reconnect-spread} and ends the streams. Clients
 * reconnect with their {@code Last-Event-ID} to another instance, which replays what they have not seen: nothing
 * is lost, nothing is sent twice.
 */
final class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    /** How long a stopping instance waits for its streams to finish writing before it disconnects the rest. */
    private static final Duration END_GRACE = Duration.ofSeconds(5);

    private final RecentNotifications feed;
    private final NotificationProperties.Stream settings;
    private final NotificationProperties.Shutdown shutdown;
    private final Clock clock;
    private final RandomGenerator random;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<UserId, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Counter delivered;
    private final Counter resets;
    private final Counter dropped;
    private final Counter refusedPerUser;
    private final Counter refusedPerInstance;
    private volatile ScheduledExecutorService ticker;
    /** The streams have been told to reconnect elsewhere; a stream that opens now is told the same at once. */
    private volatile boolean handedOver;

    EventStreams(RecentNotifications feed, NotificationProperties properties, Clock clock, RandomGenerator random,
                 MeterRegistry meters) {
        this.feed = feed;
        this.settings = properties.stream();
        this.shutdown = properties.shutdown();
        this.clock = clock;
        this.random = random;
        Gauge.builder("portal.notification.streams.open", count, AtomicInteger::get)
                .description("SSE streams open on this instance").register(meters);
        this.delivered = Counter.builder("portal.notification.delivered").description("notifications sent to streams").register(meters);
        this.resets = Counter.builder("portal.notification.streams.resets")
                .description("streams told to reload: their last id was older than the log").register(meters);
        this.dropped = Counter.builder("portal.notification.streams.dropped").tag("reason", "slow")
                .description("clients disconnected because they fell too far behind").register(meters);
        this.refusedPerUser = Counter.builder("portal.notification.streams.refused").tag("cap", "per-user").register(meters);
        this.refusedPerInstance = Counter.builder("portal.notification.streams.refused").tag("cap", "per-instance").register(meters);
    }

    /**
     * Opens a stream of {@code user}'s notifications after {@code lastEventId} (null: from now).
     *
     * @param expiresAt when the token the stream is opened with expires; the stream ends then
     * @param abort     closes the client's connection at once
     * @throws TooManyStreams         when the user holds {@code per-user} streams here already
     * @throws StreamCapacityReached  when this instance holds {@code per-instance} streams
     */
    Flux<ServerSentEvent<String>> open(UserId user, String lastEventId, Instant expiresAt, Runnable abort) {
        if (handedOver) {
            return Flux.just(ServerSentEvent.<String>builder().retry(spread()).comment("reconnect").build());
        }
        reserve(user);
        EventStream stream = new EventStream(user, lastEventId, expiresAt, settings.buffer(), abort, this);
        open.add(stream);
        stream.open(settings.reconnect());
        feed.whenReady(user).thenAccept(partition -> stream.follow(feed.subscribe(user, partition, lastEventId, stream)));
        log.debug("stream of {} opened (last id {})", user, lastEventId);
        return stream.frames().doFinally(signal -> closed(stream));
    }

    private void reserve(UserId user) {
        if (count.incrementAndGet() > settings.perInstance()) {
            count.decrementAndGet();
            refusedPerInstance.increment();
            log.info("stream of {} refused: this instance holds {} streams", user, settings.perInstance());
            throw new StreamCapacityReached();
        }
        try {
            perUser.compute(user, (id, streams) -> {
                int held = streams == null ? 0 : streams;
                if (held >= settings.perUser()) {
                    throw new TooManyStreams(settings.perUser());
                }
                return held + 1;
            });
        } catch (TooManyStreams refused) {
            count.decrementAndGet();
            refusedPerUser.increment();
            log.info("stream of {} refused: {} open already", user, settings.perUser());
            throw refused;
        }
    }

    private void closed(EventStream stream) {
        if (!open.remove(stream)) {
            return;
        }
        stream.closed();
        perUser.computeIfPresent(stream.user, (id, streams) -> streams > 1 ? streams - 1 : null);
        count.decrementAndGet();
        log.debug("stream of {} closed", stream.user);
    }

    void delivered() {
        delivered.increment();
    }

    void reset(EventStream stream) {
        resets.increment();
        log.info("stream of {} reset: last id {} is older than this instance's log", stream.user, stream.lastEventId());
    }

    void slow(EventStream stream) {
        dropped.increment();
        log.info("stream of {} dropped: more than {} frames waiting for the client", stream.user, settings.buffer());
    }

    int size() {
        return count.get();
    }

    private void heartbeat() {
        Instant now = clock.instant();
        for (EventStream stream : open) {
            stream.heartbeat(now, feed::lastSeen);
        }
    }

    private Duration spread() {
        long bound = shutdown.reconnectSpread().toMillis();
        return Duration.ofMillis(bound == 0 ? 0 : random.nextLong(bound + 1));
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sse-heartbeat").factory());
        long period = settings.heartbeat().toMillis();
        scheduler.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        ticker = scheduler;
    }

    @Override
    public void stop(Runnable callback) {
        ScheduledExecutorService scheduler = ticker;
        log.info("stopping: {} streams are told to reconnect in {} (within {} each)", count.get(), shutdown.drain(),
                shutdown.reconnectSpread());
        scheduler.schedule(() -> {
            handedOver = true;
            for (EventStream stream : open) {
                stream.end(spread(), "reconnect");
            }
            long deadline = System.nanoTime() + END_GRACE.toNanos();
            awaitEnded(scheduler, deadline, callback);
        }, shutdown.drain().toMillis(), TimeUnit.MILLISECONDS);
    }

    // polls on the ticker until every stream has finished writing; those that have not by the deadline are cut off
    private void awaitEnded(ScheduledExecutorService scheduler, long deadline, Runnable callback) {
        if (!open.isEmpty() && System.nanoTime() < deadline) {
            scheduler.schedule(() -> awaitEnded(scheduler, deadline, callback), 20, TimeUnit.MILLISECONDS);
            return;
        }
        open.forEach(EventStream::drop);
        log.info("stopped: streams handed over ({} cut off)", open.size());
        scheduler.shutdown();
        ticker = null;
        callback.run();
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("stopped asynchronously through stop(Runnable)");
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** Stops before everything else: the Kafka binding must still deliver while the streams are handed over. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
