package dev.portal.clients.sftp;

import dev.portal.clients.support.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Connection to the MVNO's SFTP drop and the layout of its files. The client is configured when {@code host} is set;
 * then a missing login, an untrusted server key or a malformed value stops the start, naming the setting.
 *
 * @param host               SFTP host ({@code PORTAL_SFTP_HOST}), e.g. {@code fs.mvno.net}
 * @param port               SFTP port ({@code PORTAL_SFTP_PORT}, default 22)
 * @param username           login ({@code PORTAL_SFTP_USERNAME})
 * @param password           password ({@code PORTAL_SFTP_PASSWORD}); optional with a private key
 * @param privateKey         OpenSSH/PEM private key file for public-key auth ({@code PORTAL_SFTP_PRIVATE_KEY})
 * @param privateKeyPassphrase passphrase of that key, if any ({@code PORTAL_SFTP_PRIVATE_KEY_PASSPHRASE})
 * @param knownHosts         known_hosts file the server's key must be in ({@code PORTAL_SFTP_KNOWN_HOSTS})
 * @param hostKeyFingerprint pinned {@code SHA256:...} fingerprint of the server's key ({@code PORTAL_SFTP_HOST_KEY_FINGERPRINT});
 *                           checked instead of known_hosts when set
 * @param acceptAnyHostKey   accept any server key: for the local sandbox only, never in production (default false)
 * @param directory          the drop directory ({@code PORTAL_SFTP_DIRECTORY}, default {@code /outbound/cdr})
 * @param charset            file encoding ({@code PORTAL_SFTP_CHARSET}, default Shift_JIS)
 * @param triggerSuffix      suffix of the trigger file that marks a data file complete (default {@code .end})
 * @param fileNamePattern    regex of data file names with groups kind, oemId, date (yyyyMMdd), seq
 * @param maxFileSize        largest file a download accepts (default 64MB)
 * @param callColumns        fact-sheet CALL column to the header name in the files (see {@link CdrLayout})
 * @param smsColumns         the same for SMS
 * @param trailerMarker      first field of the trailer row (default {@code #EOF})
 * @param http               timeouts (connect; read = the wait for each SFTP answer), retry and breaker
 * @param authTimeout        key exchange and login (default: {@code http.read-timeout})
 */
@Validated
@ConfigurationProperties("portal.clients.sftp")
public record SftpClientProperties(@NotBlank String host, @Min(1) @Max(65535) Integer port, @NotBlank String username,
                                   String password, Path privateKey, String privateKeyPassphrase, Path knownHosts,
                                   String hostKeyFingerprint, Boolean acceptAnyHostKey, @NotBlank String directory,
                                   String charset, @NotBlank String triggerSuffix, String fileNamePattern,
                                   DataSize maxFileSize, Map<String, String> callColumns, Map<String, String> smsColumns,
                                   String trailerMarker, @Valid HttpSettings http, @DurationMin(millis = 1) Duration authTimeout) {

    public SftpClientProperties {
        port = port != null ? port : 22;
        acceptAnyHostKey = acceptAnyHostKey != null ? acceptAnyHostKey : Boolean.FALSE;
        directory = directory != null ? directory : "/outbound/cdr";
        charset = charset != null ? charset : "Shift_JIS";
        triggerSuffix = triggerSuffix != null ? triggerSuffix : ".end";
        fileNamePattern = fileNamePattern != null ? fileNamePattern : "(CALL|SMS)_(.+)_(\\d{8})_(\\d{2})\\.csv";
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofMegabytes(64);
        http = http != null ? http : HttpSettings.DEFAULTS;
    }

    @AssertTrue(message = "give portal.clients.sftp.password or portal.clients.sftp.private-key")
    public boolean isLoginGiven() {
        return (password != null && !password.isEmpty()) || privateKey != null;
    }

    @AssertTrue(message = "pin the SFTP server's key: portal.clients.sftp.host-key-fingerprint or .known-hosts "
            + "(.accept-any-host-key=true only against the local sandbox)")
    public boolean isServerKeyTrusted() {
        return (hostKeyFingerprint != null && !hostKeyFingerprint.isBlank()) || knownHosts != null || acceptAnyHostKey;
    }

    @AssertTrue(message = "portal.clients.sftp.charset must name a charset this JVM supports, e.g. Shift_JIS or UTF-8")
    public boolean isCharsetSupported() {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(message = "portal.clients.sftp.file-name-pattern must be a regular expression with groups kind, oemId, date, seq")
    public boolean isFileNamePatternValid() {
        try {
            return Pattern.compile(fileNamePattern).matcher("").groupCount() >= 4;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    @AssertTrue(message = "portal.clients.sftp.max-file-size must be at least 1KB")
    public boolean isMaxFileSizePositive() {
        return maxFileSize.toBytes() >= 1024;
    }

    /** A client of the given server with the default layout; pin the key with {@link #withHostKeyFingerprint}. */
    public static SftpClientProperties of(String host, int port, String username, String password) {
        return new SftpClientProperties(host, port, username, password, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    public SftpClientProperties withHostKeyFingerprint(String fingerprint) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, knownHosts,
                fingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, http, authTimeout);
    }

    public SftpClientProperties withPrivateKey(Path key, String passphrase) {
        return new SftpClientProperties(host, port, username, password, key, passphrase, knownHosts,
                hostKeyFingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, http, authTimeout);
    }

    public SftpClientProperties withKnownHosts(Path file) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, file,
                hostKeyFingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, http, authTimeout);
    }

    public SftpClientProperties withAcceptAnyHostKey(boolean accept) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, knownHosts,
                hostKeyFingerprint, accept, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, http, authTimeout);
    }

    public SftpClientProperties withMaxFileSize(DataSize size) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, knownHosts,
                hostKeyFingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, size,
                callColumns, smsColumns, trailerMarker, http, authTimeout);
    }

    public SftpClientProperties withHttp(HttpSettings settings) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, knownHosts,
                hostKeyFingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, settings, authTimeout);
    }

    public SftpClientProperties withAuthTimeout(Duration timeout) {
        return new SftpClientProperties(host, port, username, password, privateKey, privateKeyPassphrase, knownHosts,
                hostKeyFingerprint, acceptAnyHostKey, directory, charset, triggerSuffix, fileNamePattern, maxFileSize,
                callColumns, smsColumns, trailerMarker, http, timeout);
    }

    /** How long key exchange and login may take: {@code auth-timeout}, else {@code http.read-timeout}. */
    public Duration loginTimeout() {
        return authTimeout != null ? authTimeout : http.readTimeout();
    }

    /** The file layout these properties describe. */
    public CdrLayout layout() {
        return new CdrLayout(Charset.forName(charset), callColumns, smsColumns, trailerMarker);
    }
}
