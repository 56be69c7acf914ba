package dev.portal.sandbox.sftp;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDR drop seen the way the MVNO's importer sees it: a real SFTP session with the MINA SSHD client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sandbox.sftp.port=0", "sandbox.smtp.port=0"})
class SftpDropIT {

    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SshClient ssh;

    @Value("${local.server.port}")
    int httpPort;
    @Value("${sandbox.sftp.bound-port}")
    int sftpPort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<PublicKey> serverKey = new AtomicReference<>();

    @BeforeAll
    static void startClient() {
        ssh = SshClient.setUpDefaultClient();
        ssh.start();
    }

    @AfterAll
    static void stopClient() throws IOException {
        ssh.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        admin("POST", "/sandbox/admin/reset", null);
    }

    @AfterEach
    void clearFaults() throws Exception {
        admin("DELETE", "/sandbox/admin/faults", null);
    }

    @Test
    void refuses_a_login_with_the_wrong_password() throws Exception {
        try (ClientSession session = connect()) {
            session.addPasswordIdentity("wrong");
            assertThat(session.auth().await(Duration.ofSeconds(5))).isTrue();
            assertThat(session.auth().isSuccess()).as("login with a wrong password").isFalse();
        }
    }

    @Test
    void lists_three_seeded_days_of_call_and_sms_files_each_with_its_trigger() throws Exception {
        List<String> names = list("/outbound/cdr");

        LocalDate yesterday = LocalDate.now(SftpCdrDrop.JST).minusDays(1);
        List<String> expected = new ArrayList<>();
        for (int back = 1; back <= 3; back++) {
            String day = SftpCdrRecords.DAY.format(yesterday.minusDays(back - 1));
            for (String kind : List.of("CALL", "SMS")) {
                String name = kind + "_sandbox-oem_" + day + "_01.csv";
                expected.add(name);
                expected.add(name + ".end");
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void call_file_is_shift_jis_crlf_quoted_with_one_header_and_a_matching_trailer() throws Exception {
        String name = "CALL_sandbox-oem_" + SftpCdrRecords.DAY.format(LocalDate.now(SftpCdrDrop.JST).minusDays(1)) + "_01.csv";
        byte[] bytes = read("/outbound/cdr/" + name);

        String text = new String(bytes, SHIFT_JIS);
        assertThat(text).as("Japanese tax class in Shift_JIS").contains("課税");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as("not UTF-8").doesNotContain("課税");
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).as("only CRLF line ends").doesNotContain("\n");
        List<String> lines = Arrays.asList(text.split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("\"record_id\",\"account\",\"call_start\",\"call_end\",\"duration_sec\","
                + "\"direction\",\"called_number\",\"call_type\",\"destination_country\",\"billable_units\",\"charge_jpy\","
                + "\"tax_class\",\"product_number\",\"plan_code\"");
        List<String> records = lines.subList(1, lines.size() - 1);
        assertThat(records).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("\"C-").endsWith("\"");
            assertThat(line.split("\",\"")).hasSize(14);
            assertThat(line).matches(".*\"\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\".*");
        });
        assertThat(records).anySatisfy(line -> assertThat(line).contains("\"09012345678\"", "\"AX0000000000001\"", "\"VOICE_10GB\""));
        assertThat(records).noneSatisfy(line -> assertThat(line).contains("\"08011112222\"")); // data-only line: no calls
        BigDecimal sum = records.stream().map(line -> new BigDecimal(line.split("\",\"")[10])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines.getLast()).isEqualTo("#EOF," + records.size() + "," + sum.setScale(2).toPlainString());
    }

    @Test
    void the_same_day_always_has_the_same_records() throws Exception {
        String name = "/outbound/cdr/SMS_sandbox-oem_" + SftpCdrRecords.DAY.format(LocalDate.now(SftpCdrDrop.JST).minusDays(2)) + "_01.csv";
        byte[] before = read(name);
        admin("POST", "/sandbox/admin/reset", null);

        assertThat(read(name)).isEqualTo(before);
    }

    @Test
    void a_corrected_day_is_published_again_with_a_higher_seq_and_the_same_record_ids() throws Exception {
        String day = SftpCdrRecords.DAY.format(LocalDate.now(SftpCdrDrop.JST).minusDays(1));
        String first = new String(read("/outbound/cdr/CALL_sandbox-oem_" + day + "_01.csv"), SHIFT_JIS);

        JsonNode created = JSON.readTree(admin("POST", "/sandbox/admin/sftp/usage-days",
                "{\"date\":\"" + LocalDate.now(SftpCdrDrop.JST).minusDays(1) + "\",\"account\":\"09012345678\",\"calls\":8,\"sms\":1}").body());

        assertThat(created.path("files").findValuesAsString("name"))
                .containsExactly("CALL_sandbox-oem_" + day + "_02.csv", "SMS_sandbox-oem_" + day + "_02.csv");
        assertThat(list("/outbound/cdr")).contains("CALL_sandbox-oem_" + day + "_02.csv.end");
        String corrected = new String(read("/outbound/cdr/CALL_sandbox-oem_" + day + "_02.csv"), SHIFT_JIS);
        assertThat(corrected).contains("\"C-" + day + "-09012345678-0008\"");
        String firstId = first.split("\r\n")[1].split("\",\"")[0];
        assertThat(corrected).as("records of the first file keep their ids").contains(firstId);
    }

    @Test
    void a_file_still_being_written_has_no_trigger() throws Exception {
        LocalDate date = LocalDate.now(SftpCdrDrop.JST);
        JsonNode file = JSON.readTree(admin("POST", "/sandbox/admin/sftp/incomplete-files",
                "{\"date\":\"" + date + "\",\"kind\":\"SMS\"}").body());

        String name = "SMS_sandbox-oem_" + SftpCdrRecords.DAY.format(date) + "_01.csv";
        assertThat(file.path("name").asString()).isEqualTo(name);
        assertThat(file.path("complete").asBoolean()).isFalse();
        assertThat(list("/outbound/cdr")).contains(name).doesNotContain(name + ".end");
    }

    @Test
    void a_file_published_as_given_is_served_byte_for_byte_in_the_drops_charset_with_its_trigger() throws Exception {
        String name = "CALL_sandbox-oem_20261101_07.csv";
        String content = "\"record_id\",\"tax_class\"\r\n\"C-1\",\"課税\r\n(続き)\"\r\n";

        HttpResponse<String> published = admin("POST", "/sandbox/admin/sftp/raw-files",
                JSON.writeValueAsString(java.util.Map.of("name", name, "content", content)));

        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(list("/outbound/cdr")).contains(name, name + ".end");
        assertThat(read("/outbound/cdr/" + name)).isEqualTo(content.getBytes(SHIFT_JIS));
    }

    @Test
    void a_raw_file_must_have_a_cdr_file_name() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/sandbox/admin/sftp/raw-files"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"../etc/passwd\",\"content\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("invalid-file-name");
    }

    @Test
    void a_bulk_file_holds_the_generated_rows_over_made_up_lines_and_a_matching_trailer() throws Exception {
        HttpResponse<String> published = admin("POST", "/sandbox/admin/sftp/bulk-files",
                "{\"date\":\"2026-10-01\",\"kind\":\"SMS\",\"records\":2500,\"lines\":100}");

        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(published.body());
        assertThat(file.path("records").asInt()).isEqualTo(2500);
        String[] rows = new String(read(file.path("path").asString()), SHIFT_JIS).split("\r\n");
        assertThat(rows).hasSize(2502);
        assertThat(rows[2501]).startsWith("#EOF,2500,");
        assertThat(Arrays.stream(rows).skip(1).limit(2500).map(r -> r.split(",")[1]).distinct()).hasSize(100);
    }

    @Test
    void the_drop_is_read_only() throws Exception {
        try (ClientSession session = login(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            assertThatThrownBy(() -> {
                try (var out = sftp.write("/outbound/cdr/upload.csv")) {
                    out.write(1);
                }
            }).isInstanceOf(SftpException.class);
            assertThatThrownBy(() -> sftp.remove("/outbound/cdr/" + list("/outbound/cdr").getFirst())).isInstanceOf(SftpException.class);
        }
    }

    @Test
    void the_host_key_is_the_one_published_for_pinning() throws Exception {
        try (ClientSession session = login()) {
            JsonNode hostKey = JSON.readTree(admin("GET", "/sandbox/admin/sftp/host-key", null).body());
            assertThat(KeyUtils.getFingerPrint(serverKey.get())).isEqualTo(hostKey.path("fingerprint").asString()).startsWith("SHA256:");
        }
    }

    @Test
    void an_authorized_key_that_is_not_an_openssh_public_key_is_a_problem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/sandbox/admin/sftp/authorized-keys"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"publicKey\":\"ssh-rsa nonsense\"}")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("invalid-public-key");
    }

    @Test
    void a_drop_fault_closes_the_session() throws Exception {
        admin("PUT", "/sandbox/admin/faults/sftp", "{\"failure\":\"drop\",\"remaining\":1}");

        assertThatThrownBy(() -> list("/outbound/cdr")).isInstanceOf(IOException.class);
        assertThat(list("/outbound/cdr")).as("fault used up").isNotEmpty();
    }

    @Test
    void a_latency_fault_delays_each_request() throws Exception {
        admin("PUT", "/sandbox/admin/faults/sftp", "{\"latencyMs\":300,\"remaining\":2}");

        long start = System.nanoTime();
        list("/outbound/cdr");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    private ClientSession connect() throws IOException {
        ssh.setServerKeyVerifier((session, address, key) -> {
            serverKey.set(key);
            return true;
        });
        ClientSession session = ssh.connect("mvno", "127.0.0.1", sftpPort).verify(Duration.ofSeconds(5)).getSession();
        return session;
    }

    private ClientSession login() throws IOException {
        ClientSession session = connect();
        session.addPasswordIdentity("mvno");
        session.auth().verify(Duration.ofSeconds(5));
        return session;
    }

    private List<String> list(String directory) throws IOException {
        try (ClientSession session = login(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            return StreamSupport.stream(sftp.readDir(directory).spliterator(), false)
                    .map(SftpClient.DirEntry::getFilename).filter(n -> !n.startsWith(".")).toList();
        }
    }

    private byte[] read(String path) throws IOException {
        try (ClientSession session = login(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
             InputStream in = sftp.read(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response;
    }
}
