package dev.portal.sandbox.sftp;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.fault.Faults;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MVNO's SFTP drop ({@code fs.mvno.net} in production): password login, read-only access to the CDR tree of
 * {@link SftpCdrDrop}, a host key generated once and kept in a file so clients can pin it. Injected {@code sftp}
 * faults act on every SFTP request (including the subsystem's INIT): latency, a dropped session, a hang, or an
 * SFTP failure status.
 */
@Component
@EnableConfigurationProperties(SftpSettings.class)
class SftpServer implements SmartLifecycle {

    static final String BOUND_PORT = "sandbox.sftp.bound-port";
    private static final Logger log = LoggerFactory.getLogger(SftpServer.class);

    private final SftpSettings settings;
    private final SftpCdrDrop drop;
    private final Faults faults;
    private final ConfigurableEnvironment environment;
    private final SftpAuthorizedKeys authorizedKeys;
    private volatile SshServer server;

    SftpServer(SftpSettings settings, SftpCdrDrop drop, SftpAuthorizedKeys authorizedKeys, Faults faults,
                   ConfigurableEnvironment environment) {
        this.settings = settings;
        this.drop = drop;
        this.authorizedKeys = authorizedKeys;
        this.faults = faults;
        this.environment = environment;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = build(settings.port());
            try {
                server.start();
            } catch (BindException e) {
                if (!settings.portFallback() || settings.port() == 0) {
                    throw e;
                }
                log.warn("SFTP port {} is taken; the CDR drop listens on a free port instead (see {})", settings.port(), BOUND_PORT);
                server = build(0);
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP drop could not start", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-sftp", Map.of(BOUND_PORT, server.getPort())));
        log.info("SFTP CDR drop on 127.0.0.1:{}, host key {}", server.getPort(), hostKey().fingerprint());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                log.debug("SFTP drop stop", e);
            }
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isStarted();
    }

    int port() {
        return server.getPort();
    }

    /** The server's public host key, as clients pin it. */
    record HostKey(String algorithm, String fingerprint, String publicKey) {
    }

    HostKey hostKey() {
        try {
            KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return new HostKey(KeyUtils.getKeyType(pair.getPublic()), KeyUtils.getFingerPrint(pair.getPublic()),
                    PublicKeyEntry.toString(pair.getPublic()));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("host key unreadable", e);
        }
    }

    private SshServer build(int port) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        Files.createDirectories(settings.hostKeyFile().toAbsolutePath().getParent());
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(settings.hostKeyFile());
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        keys.setKeySize(256);
        sshd.setKeyPairProvider(keys);
        byte[] user = settings.username().getBytes(StandardCharsets.UTF_8);
        byte[] secret = settings.password().getBytes(StandardCharsets.UTF_8);
        sshd.setPasswordAuthenticator((username, password, session) ->
                MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8))
                        & MessageDigest.isEqual(secret, password.getBytes(StandardCharsets.UTF_8)));
        sshd.setPublickeyAuthenticator((username, key, session) ->
                MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8)) && authorizedKeys.accepts(key));
        sshd.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new ReadOnly()).build();
        sftp.addSftpEventListener(new FaultInjection());
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(drop.root()));
        return sshd;
    }

    /** Applies the {@code sftp} faults of the admin API to each SFTP request. */
    private final class FaultInjection implements SftpEventListener {

        @Override
        public void received(ServerSession session, int type, int id) throws IOException {
            var decision = faults.next(SandboxSystems.SFTP);
            if (decision.isEmpty()) {
                return;
            }
            sleep(decision.get().latencyMs());
            if (decision.get().failure() == null) {
                return;
            }
            switch (decision.get().failure()) {
                case DROP -> {
                    session.close(true);
                    throw new IOException("sandbox fault injection: session dropped");
                }
                case HANG -> {
                    sleep(decision.get().hangMs());
                    session.close(true);
                    throw new IOException("sandbox fault injection: session hung");
                }
                case STATUS -> throw new IOException("sandbox fault injection: failure");
            }
        }

        private static void sleep(int millis) {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The MVNO may read and list, nothing else: every change is refused with permission denied. */
    private static final class ReadOnly implements SftpFileSystemAccessor {

        private static final Set<OpenOption> WRITES = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.DELETE_ON_CLOSE);

        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            if (options.stream().anyMatch(WRITES::contains)) {
                throw new AccessDeniedException(file.toString(), null, "read-only");
            }
            return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, id, options, attrs);
        }

        @Override
        public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
            throw new AccessDeniedException(link.toString(), null, "read-only");
        }

        @Override
        public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts) throws IOException {
            throw new AccessDeniedException(oldPath.toString(), null, "read-only");
        }

        @Override
        public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts) throws IOException {
            throw new AccessDeniedException(src.toString(), null, "read-only");
        }

        @Override
        public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                     LinkOption... options) throws IOException {
            throw new AccessDeniedException(file.toString(), null, "read-only");
        }

        @Override
        public void setFilePermissions(SftpSubsystemProxy subsystem, Path path, Set<PosixFilePermission> perms,
                                       LinkOption... options) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void setFileOwner(SftpSubsystemProxy subsystem, Path path, Principal value, LinkOption... options) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void setGroupOwner(SftpSubsystemProxy subsystem, Path path, Principal value, LinkOption... options) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }
    }
}
