package dev.portal.clients.sftp;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDR file client against the sandbox's SFTP drop: real SSH sessions, real files, injected faults. */
class CdrFileClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    private final List<CdrFileClient> clients = new ArrayList<>();

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.clearFaults();
    }

    @AfterEach
    void close() {
        clients.forEach(CdrFileClient::close);
    }

    @Test
    void lists_the_complete_files_of_the_seeded_days() {
        List<CdrFile> files = client(pinned()).listCompleteFiles();

        assertThat(files).hasSize(6).allSatisfy(file -> {
            assertThat(file.oemId()).isEqualTo("sandbox-oem");
            assertThat(file.seq()).isEqualTo(1);
            assertThat(file.size()).isPositive();
        });
        assertThat(files).extracting(CdrFile::date).containsOnly(TODAY.minusDays(3), TODAY.minusDays(2), TODAY.minusDays(1));
        assertThat(files).filteredOn(file -> file.kind() == CdrFile.Kind.CALL).hasSize(3);
    }

    @Test
    void leaves_out_a_file_whose_trigger_is_not_there_yet() {
        sandbox.admin("POST", "/sandbox/admin/sftp/incomplete-files", "{\"date\":\"" + TODAY + "\",\"kind\":\"CALL\"}");

        List<CdrFile> files = client(pinned()).listCompleteFiles();

        assertThat(files).extracting(CdrFile::date).doesNotContain(TODAY);
        assertThat(sandbox.admin("GET", "/sandbox/admin/sftp/files", null)).as("the sandbox has it").contains("\"complete\":false");
    }

    @Test
    void a_corrected_day_is_listed_with_a_higher_seq() {
        sandbox.admin("POST", "/sandbox/admin/sftp/usage-days",
                "{\"date\":\"" + TODAY.minusDays(1) + "\",\"account\":\"07033334444\",\"calls\":5,\"sms\":0}");

        List<CdrFile> yesterday = client(pinned()).listCompleteFiles().stream()
                .filter(file -> file.date().equals(TODAY.minusDays(1))).toList();

        assertThat(yesterday).extracting(CdrFile::kind, CdrFile::seq).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CdrFile.Kind.CALL, 1), org.assertj.core.groups.Tuple.tuple(CdrFile.Kind.CALL, 2),
                org.assertj.core.groups.Tuple.tuple(CdrFile.Kind.SMS, 1), org.assertj.core.groups.Tuple.tuple(CdrFile.Kind.SMS, 2));
    }

    @Test
    void downloads_and_parses_real_call_and_sms_files() {
        CdrFileClient client = client(pinned());
        CdrParser parser = new CdrParser();
        List<CdrFile> files = client.listCompleteFiles();
        CdrFile call = files.stream().filter(f -> f.kind() == CdrFile.Kind.CALL).findFirst().orElseThrow();
        CdrFile sms = files.stream().filter(f -> f.kind() == CdrFile.Kind.SMS).findFirst().orElseThrow();

        CdrFileContents<CallRecord> calls = parser.parseCalls(call.name(), client.download(call));
        CdrFileContents<SmsRecord> messages = parser.parseSms(sms.name(), client.download(sms));

        assertThat(calls.records()).isNotEmpty().allSatisfy(record -> {
            assertThat(record.account()).isIn("09012345678", "07033334444");
            assertThat(record.callStart().toLocalDate()).isEqualTo(call.date());
            assertThat(record.taxClass()).isIn("課税", "不課税");
        });
        assertThat(calls.trailerCount()).isEqualTo(calls.records().size());
        assertThat(messages.records()).extracting(SmsRecord::account).contains("08011112222");
    }

    @Test
    void streams_a_download_into_an_output_stream() {
        CdrFileClient client = client(pinned());
        CdrFile file = client.listCompleteFiles().getFirst();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long length = client.downloadTo(file.name(), out);

        assertThat(length).isEqualTo(file.size()).isEqualTo(out.size());
    }

    @Test
    void refuses_a_file_over_the_size_limit() {
        CdrFileClient client = client(pinned().withMaxFileSize(DataSize.ofBytes(100)));
        CdrFile file = client.listCompleteFiles().getFirst();

        assertThatThrownBy(() -> client.download(file)).isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("over the limit of 100");
    }

    @Test
    void a_missing_file_is_an_sftp_status_and_not_retried() {
        assertThatThrownBy(() -> client(pinned()).download("CALL_sandbox-oem_19990101_01.csv"))
                .isInstanceOfSatisfying(SftpStatusException.class, e -> assertThat(e.statusName()).isEqualTo("SSH_FX_NO_SUCH_FILE"));
    }

    @Test
    void a_wrong_password_is_an_authentication_failure() {
        SftpClientProperties wrong = SftpClientProperties.of("127.0.0.1", sftpPort(), "mvno", "not-the-password")
                .withHostKeyFingerprint(fingerprint()).withHttp(fast());

        assertThatThrownBy(() -> client(wrong).listCompleteFiles()).isInstanceOf(ExternalAuthenticationException.class)
                .hasMessageContaining("login refused for mvno");
    }

    @Test
    void a_host_key_other_than_the_pinned_one_is_refused_before_login() {
        SftpClientProperties other = base().withHostKeyFingerprint("SHA256:2hWnlKQ3ttd1YBmKmvhYfqGJyFmmYZk4e1TjnE9N0xE");

        assertThatThrownBy(() -> client(other).listCompleteFiles())
                .isInstanceOfSatisfying(SftpHostKeyRejectedException.class,
                        e -> assertThat(e.presentedFingerprint()).isEqualTo(fingerprint()));
    }

    @Test
    void the_host_key_can_be_pinned_through_a_known_hosts_file(@TempDir Path dir) throws IOException {
        JsonNode hostKey = JSON.readTree(sandbox.admin("GET", "/sandbox/admin/sftp/host-key", null));
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + sftpPort() + " " + hostKey.path("publicKey").asString() + "\n");

        assertThat(client(base().withKnownHosts(knownHosts)).listCompleteFiles()).hasSize(6);
    }

    @Test
    void a_host_not_in_known_hosts_is_refused(@TempDir Path dir) throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");

        assertThatThrownBy(() -> client(base().withKnownHosts(knownHosts)).listCompleteFiles())
                .isInstanceOf(SftpHostKeyRejectedException.class);
    }

    @Test
    void logs_in_with_an_authorized_private_key(@TempDir Path dir) throws Exception {
        KeyPair pair = ecKeyPair();
        sandbox.admin("POST", "/sandbox/admin/sftp/authorized-keys", "{\"publicKey\":\"" + PublicKeyEntry.toString(pair.getPublic()) + "\"}");

        SftpClientProperties withKey = SftpClientProperties.of("127.0.0.1", sftpPort(), "mvno", null)
                .withPrivateKey(openSshKey(dir, pair), null).withHostKeyFingerprint(fingerprint()).withHttp(fast());

        assertThat(client(withKey).listCompleteFiles()).hasSize(6);
    }

    @Test
    void a_private_key_the_server_does_not_know_is_an_authentication_failure(@TempDir Path dir) throws Exception {
        SftpClientProperties withKey = SftpClientProperties.of("127.0.0.1", sftpPort(), "mvno", null)
                .withPrivateKey(openSshKey(dir, ecKeyPair()), null).withHostKeyFingerprint(fingerprint()).withHttp(fast());

        assertThatThrownBy(() -> client(withKey).listCompleteFiles()).isInstanceOf(ExternalAuthenticationException.class);
    }

    @Test
    void an_unreadable_private_key_file_fails_at_construction(@TempDir Path dir) throws IOException {
        Path garbage = Files.writeString(dir.resolve("id_broken"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> client(pinned().withPrivateKey(garbage, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable OpenSSH/PEM private key");
    }

    @Test
    void a_client_without_a_pinned_key_is_not_built() {
        assertThatThrownBy(() -> client(base())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host-key-fingerprint");
    }

    @Test
    void listing_succeeds_on_the_third_attempt_after_two_dropped_sessions() {
        sandbox.fault("sftp", "{\"failure\":\"drop\",\"remaining\":2}");

        assertThat(client(pinned()).listCompleteFiles()).hasSize(6);
        assertThat(sandbox.admin("GET", "/sandbox/admin/faults", null)).as("both drops used").isEqualTo("{}");
    }

    @Test
    void a_streamed_download_is_not_repeated_after_a_dropped_session() {
        CdrFileClient client = client(pinned());
        String name = client.listCompleteFiles().getFirst().name();
        sandbox.fault("sftp", "{\"failure\":\"drop\",\"remaining\":2}");

        assertThatThrownBy(() -> client.downloadTo(name, new ByteArrayOutputStream())).isInstanceOf(ExternalUnavailableException.class);
        assertThat(sandbox.admin("GET", "/sandbox/admin/faults", null)).as("one attempt only").contains("\"remaining\":1");
    }

    @Test
    void a_server_slower_than_the_read_timeout_is_a_timeout() {
        sandbox.fault("sftp", "{\"latencyMs\":2000}");
        SftpClientProperties impatient = pinned().withHttp(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
                1, null, null, null, null)).withAuthTimeout(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client(impatient).listCompleteFiles()).isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void a_hanging_server_is_a_timeout() {
        sandbox.fault("sftp", "{\"failure\":\"hang\",\"hangMs\":3000}");
        SftpClientProperties impatient = pinned().withHttp(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
                1, null, null, null, null)).withAuthTimeout(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client(impatient).listCompleteFiles()).isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void repeated_failures_open_the_breaker() {
        sandbox.fault("sftp", "{\"failure\":\"drop\"}");
        CdrFileClient client = client(pinned().withHttp(fast().withRetry(1, Duration.ofMillis(10))
                .withBreaker(50, 2, Duration.ofMinutes(1))));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(client::listCompleteFiles).isInstanceOf(ExternalUnavailableException.class)
                    .isNotInstanceOf(CircuitOpenException.class);
        }
        assertThatThrownBy(client::listCompleteFiles).isInstanceOf(CircuitOpenException.class);
    }

    @Test
    void a_closed_port_is_unavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SftpClientProperties nowhere = SftpClientProperties.of("127.0.0.1", closed, "mvno", "mvno")
                .withAcceptAnyHostKey(true).withHttp(fast().withRetry(1, Duration.ofMillis(10)));

        assertThatThrownBy(() -> client(nowhere).listCompleteFiles()).isInstanceOf(ExternalUnavailableException.class)
                .hasMessageContaining("cannot connect");
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** The key pair as an unencrypted OpenSSH private key file, the way ssh-keygen writes it. */
    private static Path openSshKey(Path dir, KeyPair pair) throws Exception {
        Path file = dir.resolve("id_ecdsa");
        try (var out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "portal-test", null, out);
        }
        return file;
    }

    private CdrFileClient client(SftpClientProperties properties) {
        CdrFileClient client = new CdrFileClient(properties, ExternalCalls.unobserved(CdrFileClient.SYSTEM, properties.http()));
        clients.add(client);
        return client;
    }

    private SftpClientProperties base() {
        return SftpClientProperties.of("127.0.0.1", sftpPort(), "mvno", "mvno").withHttp(fast());
    }

    private SftpClientProperties pinned() {
        return base().withHostKeyFingerprint(fingerprint());
    }

    private static HttpSettings fast() {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(20), null, null, null);
    }

    private int sftpPort() {
        return Integer.parseInt(sandbox.property("sandbox.sftp.bound-port"));
    }

    private String fingerprint() {
        return JSON.readTree(sandbox.admin("GET", "/sandbox/admin/sftp/host-key", null)).path("fingerprint").asString();
    }
}
