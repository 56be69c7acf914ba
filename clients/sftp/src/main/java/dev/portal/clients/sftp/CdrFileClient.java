package dev.portal.clients.sftp;

import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.ExternalAuthenticationException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.InterruptedByTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MVNO's SFTP drop of call and SMS detail records: lists the data files that are complete (their trigger
 * file exists) and downloads one, with a size limit. Each call opens its own SSH session (connect, host key check,
 * login, SFTP) within the configured timeouts and closes it; calls run through {@link ExternalCalls}, listing and
 * downloading into memory being safe to repeat.
 *
 * <p>Errors: no connection or a dropped session is {@link ExternalUnavailableException}, a slow server
 * {@link ExternalTimeoutException}, refused credentials {@link ExternalAuthenticationException}, a server key that
 * is not the pinned one {@link SftpHostKeyRejectedException}, an SFTP status such as no-such-file
 * {@link SftpStatusException}, a file over the size limit {@link ExternalResponseException}.
 */
public final class CdrFileClient implements AutoCloseable {

    public static final String SYSTEM = "sftp";
    private static final Logger log = LoggerFactory.getLogger(CdrFileClient.class);
    private static final AttributeRepository.AttributeKey<String> REJECTED_KEY = new AttributeRepository.AttributeKey<>();

    @FunctionalInterface
    private interface Work<T> {
        T run(SftpClient sftp) throws IOException;
    }

    private final SftpClientProperties properties;
    private final ExternalCalls calls;
    private final Pattern fileNames;
    private final SshClient ssh;

    public CdrFileClient(SftpClientProperties properties, ExternalCalls calls) {
        if (properties.host() == null || properties.host().isBlank() || properties.username() == null) {
            throw new IllegalArgumentException("portal.clients.sftp.host and .username are required");
        }
        if (properties.password() == null && properties.privateKey() == null) {
            throw new IllegalArgumentException("portal.clients.sftp.password or .private-key is required");
        }
        this.properties = properties;
        this.calls = calls;
        this.fileNames = Pattern.compile(properties.fileNamePattern());
        this.ssh = SshClient.setUpDefaultClient();
        ServerKeyVerifier verifier = hostKeyVerifier(properties);
        ssh.setServerKeyVerifier((session, address, key) -> {
            boolean trusted = verifier.verifyServerKey(session, address, key);
            if (!trusted) {
                session.setAttribute(REJECTED_KEY, KeyUtils.getFingerPrint(key));
            }
            return trusted;
        });
        if (properties.privateKey() != null) {
            FileKeyPairProvider keys = new FileKeyPairProvider(properties.privateKey());
            if (properties.privateKeyPassphrase() != null) {
                keys.setPasswordFinder(FilePasswordProvider.of(properties.privateKeyPassphrase()));
            }
            try {
                if (!keys.loadKeys(null).iterator().hasNext()) {
                    throw new IllegalArgumentException("no key in " + properties.privateKey());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("portal.clients.sftp.private-key " + properties.privateKey()
                        + " is not a readable OpenSSH/PEM private key: " + e.getMessage(), e);
            }
            ssh.setKeyIdentityProvider(keys);
        }
        Duration read = properties.http().readTimeout();
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(ssh, properties.http().connectTimeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(ssh, read);
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(ssh, read);
        ssh.start();
    }

    private static ServerKeyVerifier hostKeyVerifier(SftpClientProperties properties) {
        if (properties.hostKeyFingerprint() != null && !properties.hostKeyFingerprint().isBlank()) {
            String pinned = properties.hostKeyFingerprint().strip();
            return (session, address, key) -> KeyUtils.checkFingerPrint(pinned, key).getKey();
        }
        if (properties.knownHosts() != null) {
            return new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, properties.knownHosts());
        }
        if (properties.acceptAnyHostKey()) {
            log.warn("SFTP client accepts any host key of {}: for the local sandbox only", properties.host());
            return AcceptAllServerKeyVerifier.INSTANCE;
        }
        throw new IllegalArgumentException("pin the SFTP server's key: portal.clients.sftp.host-key-fingerprint or "
                + ".known-hosts (.accept-any-host-key=true only against the local sandbox)");
    }

    /** The complete data files of the drop directory, by day, kind and seq (a data file without its trigger is left out). */
    public List<CdrFile> listCompleteFiles() {
        return calls.call("list", ExternalCalls.Repeat.SAFE, () -> session("list", sftp -> {
            List<SftpClient.DirEntry> entries = new ArrayList<>();
            sftp.readDir(properties.directory()).forEach(entries::add);
            Set<String> names = new HashSet<>();
            entries.forEach(entry -> names.add(entry.getFilename()));
            List<CdrFile> files = new ArrayList<>();
            for (SftpClient.DirEntry entry : entries) {
                Matcher m = fileNames.matcher(entry.getFilename());
                if (m.matches() && names.contains(entry.getFilename() + properties.triggerSuffix())) {
                    files.add(describe(entry, m));
                }
            }
            files.sort(Comparator.comparing(CdrFile::date).thenComparing(CdrFile::kind).thenComparingInt(CdrFile::seq));
            return files;
        }));
    }

    /** A whole file of the drop directory, at most {@code max-file-size} bytes. */
    public byte[] download(String name) {
        return calls.call("download", ExternalCalls.Repeat.SAFE, () -> session("download", sftp -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(sftp, name, out);
            return out.toByteArray();
        }));
    }

    public byte[] download(CdrFile file) {
        return download(file.name());
    }

    /**
     * Streams a file into {@code out} (at most {@code max-file-size} bytes) and returns its length. Not repeated on
     * failure, because part of it may already be written: the caller discards {@code out} and calls again.
     */
    public long downloadTo(String name, OutputStream out) {
        return calls.call("download", ExternalCalls.Repeat.ONCE, () -> session("download", sftp -> copy(sftp, name, out)));
    }

    private long copy(SftpClient sftp, String name, OutputStream out) throws IOException {
        if (name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("a file name of the drop directory, not a path: " + name);
        }
        String path = properties.directory().replaceAll("/+$", "") + "/" + name;
        long limit = properties.maxFileSize().toBytes();
        long size = sftp.stat(path).getSize();
        if (size > limit) {
            throw new ExternalResponseException(SYSTEM, "download", 0, name + " is " + size + " bytes, over the limit of " + limit, null);
        }
        long copied = 0;
        byte[] buffer = new byte[32 * 1024];
        try (InputStream in = sftp.read(path)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                copied += n;
                if (copied > limit) {
                    throw new ExternalResponseException(SYSTEM, "download", 0, name + " grew over the limit of " + limit + " bytes", null);
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }

    private CdrFile describe(SftpClient.DirEntry entry, Matcher m) {
        SftpClient.Attributes attributes = entry.getAttributes();
        Instant modified = attributes.getModifyTime() == null ? null : attributes.getModifyTime().toInstant();
        return new CdrFile(entry.getFilename(), CdrFile.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2),
                LocalDate.parse(m.group(3), DateTimeFormatter.BASIC_ISO_DATE), Integer.parseInt(m.group(4)),
                attributes.getSize(), modified);
    }

    /** One attempt: a fresh session, logged in, with an SFTP channel; every failure becomes a typed exception. */
    private <T> T session(String operation, Work<T> work) {
        Duration connectTimeout = properties.http().connectTimeout();
        Duration readTimeout = properties.http().readTimeout();
        String target = properties.host() + ":" + properties.port();
        ClientSession session = null;
        try {
            ConnectFuture connect = ssh.connect(properties.username(), properties.host(), properties.port());
            if (!connect.await(connectTimeout)) {
                connect.cancel();
                throw new ExternalTimeoutException(SYSTEM, operation, "no connection to " + target + " within " + connectTimeout, null);
            }
            if (!connect.isConnected()) {
                throw new ExternalUnavailableException(SYSTEM, operation, 0, "cannot connect to " + target + ": "
                        + describe(connect.getException()), connect.getException());
            }
            session = connect.getSession();
            if (properties.password() != null) {
                session.addPasswordIdentity(properties.password());
            }
            AuthFuture auth = session.auth();
            boolean done = auth.await(properties.loginTimeout());
            String rejectedKey = session.getAttribute(REJECTED_KEY);
            if (rejectedKey != null) {
                throw new SftpHostKeyRejectedException(operation, rejectedKey);
            }
            if (!done) {
                throw new ExternalTimeoutException(SYSTEM, operation, "no login at " + target + " within " + properties.loginTimeout(), null);
            }
            if (!auth.isSuccess()) {
                Throwable failure = auth.getException();
                if (session.isOpen() || String.valueOf(failure).contains("authentication methods")) {
                    throw new ExternalAuthenticationException(SYSTEM, operation, 0, "login refused for " + properties.username() + " at " + target);
                }
                throw translate(operation, failure, false);
            }
            long started = System.nanoTime();
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return work.run(sftp);
            } catch (IOException | RuntimeException e) {
                boolean slow = Duration.ofNanos(System.nanoTime() - started).compareTo(readTimeout) >= 0;
                throw translate(operation, e, slow);
            }
        } catch (IOException e) {
            throw translate(operation, e, false);
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    private static ExternalSystemException translate(String operation, Throwable e, boolean slow) {
        if (e instanceof ExternalSystemException typed) {
            return typed;
        }
        if (e instanceof IllegalArgumentException misuse) {
            throw misuse;
        }
        if (e instanceof SftpException status) {
            int code = status.getStatus();
            if (code == SftpConstants.SSH_FX_FAILURE || code == SftpConstants.SSH_FX_NO_CONNECTION
                    || code == SftpConstants.SSH_FX_CONNECTION_LOST) {
                return new ExternalUnavailableException(SYSTEM, operation, 0, SftpConstants.getStatusName(code) + ": " + e.getMessage(), e);
            }
            return new SftpStatusException(operation, code, SftpConstants.getStatusName(code), e.getMessage());
        }
        if (slow || timedOut(e)) {
            return new ExternalTimeoutException(SYSTEM, operation, describe(e), e);
        }
        return new ExternalUnavailableException(SYSTEM, operation, 0, describe(e), e);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException
                    || t instanceof TimeoutException || t instanceof InterruptedIOException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("timeout") || message.contains("timed out") || message.contains("idle")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown failure" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        ssh.stop();
    }
}
