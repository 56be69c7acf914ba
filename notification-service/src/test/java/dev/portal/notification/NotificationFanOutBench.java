package dev.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How much one notification-service instance pays per open stream, and how fast a notification reaches its client
 * with 10,000 streams open. Run with {@code bench/notification-sse.sh} ({@code -Pbench}); prints a report and
 * writes it to {@code target/bench/notification-sse.txt}.
 *
 * <p>The service runs as its own JVM from the packaged jar, with the local suite's JVM options except a larger
 * heap cap; this JVM holds the Kafka broker, the JWKS, the publisher and the clients: one NIO selector thread
 * reading every stream, each stream a different user with its own token. Heap per stream = live heap after a full
 * GC ({@code jcmd GC.class_histogram}) with the streams open minus before, divided by the streams. Latency = from
 * just before the producer's {@code send} to the frame read by the client (same JVM, {@code System.nanoTime}).
 */
class NotificationFanOutBench {

    static final int STREAMS = Integer.getInteger("bench.streams", 10_000);
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final String HEAP = System.getProperty("bench.heap", "384m");
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m",
            "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + Path.of("target", "bench", "gc.log"));
    static final Path OUT = Path.of("target", "bench");

    final List<String> report = new ArrayList<>();

    @Test
    void ten_thousand_streams_on_one_instance() throws Exception {
        Files.createDirectories(OUT);
        line("notification-service fan-out benchmark, %s, JDK %s, %d cores, %d streams, service JVM %s",
                Instant.now(), Runtime.version(), Runtime.getRuntime().availableProcessors(), STREAMS, String.join(" ", JVM_OPTIONS));
        NotificationFixture.declareTopic(Topics.NOTIFICATIONS.name());
        List<UUID> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        long minting = System.nanoTime();
        for (int i = 0; i < STREAMS; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            tokens.add(NotificationFixture.tokenOf(user));
        }
        line("minted %d tokens in %.1f s", STREAMS, seconds(System.nanoTime() - minting));

        Process service = startService();
        try (Clients clients = new Clients(port)) {
            warmUp(clients, users, tokens);
            long heapBefore = liveHeap(service.pid(), "histogram-without-streams.txt");
            long rssBefore = rss(service.pid());

            long opening = System.nanoTime();
            clients.open(users, tokens, 0, STREAMS);
            clients.awaitSubscribed(STREAMS, Duration.ofMinutes(10));
            line("opened %d streams in %.1f s (each answered 200 and got its first id)", STREAMS, seconds(System.nanoTime() - opening));
            Thread.sleep(2_000);
            long heapAfter = liveHeap(service.pid(), "histogram-with-streams.txt");
            long rssAfter = rss(service.pid());
            line("live heap after full GC: %s without streams, %s with %d -> %,d bytes (%.1f KiB) per idle stream",
                    mib(heapBefore), mib(heapAfter), STREAMS, (heapAfter - heapBefore) / STREAMS, (heapAfter - heapBefore) / 1024.0 / STREAMS);
            line("process RSS: %s -> %s -> %,d bytes (%.1f KiB) per idle stream (heap growth, Netty buffers, kernel-side not included)",
                    mib(rssBefore), mib(rssAfter), (rssAfter - rssBefore) / STREAMS, (rssAfter - rssBefore) / 1024.0 / STREAMS);

            steady(clients, users);
            burst(clients, users);
            long heapEnd = liveHeap(service.pid(), "histogram-after-the-run.txt");
            line("live heap after the run (streams open, %d notifications kept): %s", STREAMS + RATE * SECONDS, mib(heapEnd));
            assertThat(clients.failed.get()).as("streams that failed").isZero();
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
            Files.write(OUT.resolve("notification-sse.txt"), report);
        }
    }

    /** {@code RATE} notifications a second for {@code SECONDS}, each to a random user with an open stream. */
    private void steady(Clients clients, List<UUID> users) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        clients.latencies.clear();
        double[] lagBefore = lag();
        int total = RATE * SECONDS;
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + TimeUnit.SECONDS.toNanos(1) * n / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            publishTimed(users.get(random.nextInt(users.size())));
        }
        NotificationFixture.producer().flush();
        clients.awaitLatencies(total, Duration.ofMinutes(2));
        line("steady: %d notifications at %d/s to random users of %d open streams: %s; in the service (Kafka timestamp "
                + "to delivery to the stream): %s", total, RATE, STREAMS, percentiles(clients.latencies), lagSince(lagBefore));
    }

    /** One notification to every open stream, as fast as the producer writes them. */
    private void burst(Clients clients, List<UUID> users) throws Exception {
        clients.latencies.clear();
        double[] lagBefore = lag();
        long start = System.nanoTime();
        for (UUID user : users) {
            publishTimed(user);
        }
        NotificationFixture.producer().flush();
        long written = System.nanoTime();
        clients.awaitLatencies(users.size(), Duration.ofMinutes(5));
        long delivered = System.nanoTime();
        line("burst: one notification to each of %d streams, written in %.2f s, all read %.2f s after the first send (%.0f/s): %s; "
                + "in the service: %s", users.size(), seconds(written - start), seconds(delivered - start),
                users.size() / seconds(delivered - start), percentiles(clients.latencies), lagSince(lagBefore));
    }

    private static void publishTimed(UUID user) {
        NotificationFixture.publishAsync(user, "order.status-changed",
                Map.of("orderId", "801BENCH", "status", "ACTIVATED", "sentAt", System.nanoTime()));
    }

    /** A few hundred streams opened and closed first, so that the measured heap holds no first-use classes or caches. */
    private void warmUp(Clients clients, List<UUID> users, List<String> tokens) throws Exception {
        int warm = Math.min(500, STREAMS);
        clients.open(users, tokens, 0, warm);
        clients.awaitSubscribed(warm, Duration.ofMinutes(2));
        clients.closeAll();
        waitFor(() -> openStreams() == 0, Duration.ofMinutes(1));
        clients.subscribed.set(0);
    }

    // ---------------------------------------------------------------- the service process

    private int port;

    private Process startService() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("notification-service-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/ (run with verify)"));
        }
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--portal.security.jwks-uri=" + NotificationFixture.TOKENS.jwksUri(),
                "--portal.notification.stream.per-instance=" + (STREAMS + 1000),
                "--logging.level.dev.portal.notification=WARN"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("notification-service.log").toFile()).start();
        waitFor(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + OUT.resolve("notification-service.log"));
            }
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            return readiness != null && readiness.statusCode() == 200;
        }, Duration.ofMinutes(3));
        line("service pid %d on port %d, ready", process.pid(), port);
        return process;
    }

    /** The service's {@code portal.notification.lag} timer: count, sum (s), max (s). */
    private double[] lag() {
        double[] lag = new double[3];
        get("/actuator/prometheus").body().lines().filter(l -> l.startsWith("portal_notification_lag_seconds")).forEach(l -> {
            double value = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            if (l.startsWith("portal_notification_lag_seconds_count")) {
                lag[0] = value;
            } else if (l.startsWith("portal_notification_lag_seconds_sum")) {
                lag[1] = value;
            } else if (l.startsWith("portal_notification_lag_seconds_max")) {
                lag[2] = value;
            }
        });
        return lag;
    }

    private String lagSince(double[] before) {
        double[] after = lag();
        double count = after[0] - before[0];
        return String.format(Locale.ROOT, "mean %.1f ms over %.0f, recent max %.1f ms", count == 0 ? 0 : (after[1] - before[1]) / count * 1000,
                count, after[2] * 1000);
    }

    private int openStreams() throws Exception {
        String body = get("/actuator/prometheus").body();
        return body.lines().filter(l -> l.startsWith("portal_notification_streams_open"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Bytes of live objects: {@code GC.class_histogram} runs a full GC first; the histogram is kept in {@code file}. */
    private static long liveHeap(long pid, String file) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(2, TimeUnit.MINUTES);
        Files.writeString(OUT.resolve(file), output);
        return output.lines().filter(l -> l.startsWith("Total")).map(l -> l.trim().split("\\s+"))
                .mapToLong(parts -> Long.parseLong(parts[2])).findFirst()
                .orElseThrow(() -> new IllegalStateException("no histogram total in " + output));
    }

    private static long rss(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElse(0) * 1024;
    }

    // ---------------------------------------------------------------- the clients

    /**
     * Streams read by one selector thread: HTTP/1.1 response, chunked body, SSE lines. A stream counts as subscribed
     * at its first {@code id:}; each {@code data:} line with a {@code sentAt} gives a latency sample.
     */
    static final class Clients implements AutoCloseable {

        final int port;
        final Selector selector;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong pending = new AtomicLong();
        final Map<SocketChannel, Stream> streams = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Stream> toRegister = new ConcurrentLinkedQueue<>();
        final Thread loop;
        volatile boolean running = true;

        Clients(int port) throws IOException {
            this.port = port;
            this.selector = Selector.open();
            this.loop = Thread.ofPlatform().name("sse-clients").start(this::run);
        }

        void open(List<UUID> users, List<String> tokens, int from, int to) throws Exception {
            for (int i = from; i < to; i++) {
                while (pending.get() > 300) { // a bounded number of handshakes in flight
                    Thread.sleep(1);
                }
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.configureBlocking(false);
                byte[] request = ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Bearer " + tokens.get(i) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                Stream stream = new Stream(channel, ByteBuffer.wrap(request));
                streams.put(channel, stream);
                pending.incrementAndGet();
                toRegister.add(stream);
                selector.wakeup();
            }
        }

        void awaitSubscribed(int count, Duration timeout) throws Exception {
            waitFor(() -> subscribed.get() + failed.get() >= count, timeout);
        }

        void awaitLatencies(int count, Duration timeout) throws Exception {
            waitFor(() -> latencies.size() >= count, timeout);
        }

        void closeAll() throws IOException {
            for (SocketChannel channel : List.copyOf(streams.keySet())) {
                streams.remove(channel);
                channel.close();
            }
        }

        private void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            while (running) {
                try {
                    selector.select(100);
                    for (Stream stream = toRegister.poll(); stream != null; stream = toRegister.poll()) {
                        stream.channel.write(stream.request);
                        stream.channel.register(selector, SelectionKey.OP_READ, stream);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Stream stream = (Stream) key.attachment();
                        buffer.clear();
                        int read;
                        try {
                            read = stream.channel.read(buffer);
                        } catch (IOException e) {
                            read = -1;
                        }
                        if (read < 0) {
                            key.cancel();
                            stream.channel.close();
                            if (streams.remove(stream.channel) != null) {
                                failed.incrementAndGet();
                            }
                            continue;
                        }
                        buffer.flip();
                        stream.feed(buffer, this);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        }

        @Override
        public void close() throws IOException {
            running = false;
            closeAll();
            selector.wakeup();
            selector.close();
        }
    }

    /** One stream's parser: status line and headers, then chunk sizes and SSE lines. */
    static final class Stream {

        final SocketChannel channel;
        final ByteBuffer request;
        private final StringBuilder line = new StringBuilder();
        private boolean headersDone;
        private boolean counted;
        private long chunkLeft = -1; // -1: a chunk-size line is next

        Stream(SocketChannel channel, ByteBuffer request) {
            this.channel = channel;
            this.request = request;
        }

        void feed(ByteBuffer bytes, Clients clients) {
            while (bytes.hasRemaining()) {
                if (headersDone && chunkLeft > 0) {
                    byte b = bytes.get();
                    chunkLeft--;
                    sseByte(b, clients);
                    continue;
                }
                byte b = bytes.get();
                if (b == '\r') {
                    continue;
                }
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                if (!headersDone) {
                    if (text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.1 200")) {
                        clients.failed.incrementAndGet();
                        clients.pending.decrementAndGet();
                    }
                    if (text.isEmpty()) {
                        headersDone = true;
                    }
                    continue;
                }
                if (chunkLeft == 0) { // the line break after a chunk's data
                    chunkLeft = -1;
                    continue;
                }
                if (!text.isEmpty()) {
                    chunkLeft = Long.parseLong(text.split(";")[0].trim(), 16);
                }
            }
        }

        private final StringBuilder sse = new StringBuilder();

        private void sseByte(byte b, Clients clients) {
            if (b != '\n') {
                sse.append((char) b);
                return;
            }
            String text = sse.toString();
            sse.setLength(0);
            if (text.startsWith("id:") && !counted) {
                counted = true;
                clients.subscribed.incrementAndGet();
                clients.pending.decrementAndGet();
            } else if (text.startsWith("data:")) {
                int at = text.indexOf("\"sentAt\":");
                if (at >= 0) {
                    int end = at + 9;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                        end++;
                    }
                    clients.latencies.add(System.nanoTime() - Long.parseLong(text.substring(at + 9, end)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                ms(at(sorted, 50)), ms(at(sorted, 90)), ms(at(sorted, 99)), ms(sorted[sorted.length - 1]), sorted.length);
    }

    private static long at(long[] sorted, double percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[bench] " + text);
    }
}
