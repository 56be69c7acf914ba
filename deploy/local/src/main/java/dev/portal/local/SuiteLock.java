package dev.portal.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One launcher per run directory: an operating-system lock on {@code suite.lock}, held while the launcher lives
 * and released by the kernel when it dies (even by SIGKILL). A second {@code ./portal up} (or a reset) on the same
 * directory finds it taken and stops before it touches anything, instead of stopping or wiping the running suite.
 */
final class SuiteLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SuiteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says which launcher holds it. */
    static SuiteLock acquire(Path runDirectory) throws IOException {
        Files.createDirectories(runDirectory);
        Path file = runDirectory.resolve("suite.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel).map(pid -> " (launcher pid " + pid + ")").orElse("");
            channel.close();
            throw new AlreadyRunning("a suite is already running from " + runDirectory + holder
                    + "; stop it first (Ctrl-C in its terminal), or run another one with its own PORTAL_RUN_DIR and PORTAL_PORT_OFFSET");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new SuiteLock(channel, lock);
    }

    private static Optional<String> holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another launcher holds the run directory. */
    static final class AlreadyRunning extends IllegalStateException {
        AlreadyRunning(String message) {
            super(message);
        }
    }
}
