package dev.portal.clients.freebit;

import dev.portal.clients.support.Excerpts;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalCalls.Repeat;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.LenientJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Freebit's MVNO API ("emptool"): one typed method per operation. Each request is JSON in the form field
 * {@code json} (urlencoded or multipart, a setting) carrying an {@code authKey}, which this client gets from
 * {@code authOem} on first use, caches, and renews once when Freebit refuses it (the refused call is then sent
 * again: a refusal means it was not applied). An answer whose {@code resultCode} is not {@code "100"} is a
 * {@link FreebitApiException}. Reads are retried on timeouts and 5xx; changes are sent once and never repeated
 * after a timeout (the caller cannot know whether Freebit applied them; check with {@link #accountDetail}).
 */
public final class FreebitClient {

    static final String SYSTEM = "freebit";
    private static final Logger log = LoggerFactory.getLogger(FreebitClient.class);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final FreebitClientProperties properties;
    private final ExternalHttp http;
    private final Object renewal = new Object();
    private volatile String authKey;

    public FreebitClient(FreebitClientProperties properties, RestClient.Builder builder, MeterRegistry meters,
                         ObservationRegistry observations) {
        this.properties = Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(properties.baseUrl(), "portal.clients.freebit.base-url");
        Objects.requireNonNull(properties.oemId(), "portal.clients.freebit.oem-id");
        Objects.requireNonNull(properties.oemKey(), "portal.clients.freebit.oem-key");
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        ExternalCalls calls = new ExternalCalls(SYSTEM, properties.http(), meters,
                observations != null ? observations : ObservationRegistry.NOOP);
        this.http = new ExternalHttp(SYSTEM, URI.create(base), properties.http(), builder, calls);
    }

    /** For tests and tools: Boot-less, no metrics, no tracing. */
    public static FreebitClient unobserved(FreebitClientProperties properties) {
        return new FreebitClient(properties, RestClient.builder(), null, ObservationRegistry.NOOP);
    }

    /** The guard every call goes through (breaker state for health and tests). */
    public ExternalCalls calls() {
        return http.calls();
    }

    // ---- reads (retried when safe) ----

    /** PA03-02 account detail of one line. */
    public AccountDetail accountDetail(String account) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("version", "2");
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "MVNO");
        target.put("account", account(account));
        request.put("requestDatas", List.of(target));
        JsonNode body = call("getDetail", "/mvno/getDetail/", Repeat.SAFE, request);
        JsonNode datas = body.get("responseDatas");
        if (datas == null || !datas.isArray() || datas.isEmpty()) {
            throw malformed("getDetail", "no responseDatas", body);
        }
        DetailWire wire = LenientJson.convert(SYSTEM, "getDetail", 200, datas.get(0), DetailWire.class);
        try {
            return wire.toDetail(properties.usageUnit());
        } catch (RuntimeException e) {
            throw malformed("getDetail", e.getMessage(), body);
        }
    }

    /** PA05-01 traffic of one line. Freebit asks for one line per request and no bulk polling. */
    public TrafficInfo trafficInfo(String account) {
        JsonNode body = call("getTrafficInfo", "/mvno/getTrafficInfo/", Repeat.SAFE, Map.of("account", account(account)));
        TrafficWire wire = LenientJson.convert(SYSTEM, "getTrafficInfo", 200, body, TrafficWire.class);
        try {
            return wire.toInfo(properties.usageUnit());
        } catch (RuntimeException e) {
            throw malformed("getTrafficInfo", e.getMessage(), body);
        }
    }

    // ---- changes (sent once) ----

    /** PA04-04: adds quota now. */
    public void addQuota(QuotaTopUp topUp) {
        call("addSpec", "/master/addSpec/", Repeat.ONCE, quota(topUp));
    }

    /** {@code eachQuota} (a path not in public sources): adds quota at {@code runTime} (00:00 Japan time of that day). */
    public void scheduleQuota(QuotaTopUp topUp, LocalDate runTime) {
        Map<String, Object> request = quota(topUp);
        request.put("runTime", Objects.requireNonNull(runTime, "runTime").format(YYYYMMDD));
        call("eachQuota", "/mvno/eachQuota/", Repeat.ONCE, request);
    }

    /** PA05-21: reserves a plan change. */
    public PlanChange.Result changePlan(PlanChange change) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("account", account(change.account()));
        request.put("planCode", change.planCode());
        request.put("globalIp", change.globalIp() ? "10" : "20");
        if (change.runTime() != null) {
            request.put("runTime", change.runTime().format(YYYYMMDD));
        }
        JsonNode body = call("changePlan", "/mvno/changePlan/", Repeat.ONCE, request);
        return new PlanChange.Result(text(body, "ipv4"), text(body, "ipv6"));
    }

    /** PA05-06: changes voice options (asynchronous; the line is busy until Freebit is done). */
    public void changeTalkOptions(String account, TalkOptions options) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("account", account(account));
        request.put("userConfirmed", "10");
        request.put("aladinOperated", "20");
        request.put("talkOption", options.wire());
        call("talkOptionChange", "/mvno/talkoption/changeOrder/", Repeat.ONCE, request);
    }

    /** PA05-38: switches 4G/5G (about 30 minutes, the line locked meanwhile, cannot be cancelled). */
    public void changeContractLine(String account, ContractLine line) {
        changeContractLine(account, line, null);
    }

    /** PA05-38 naming the SIM's product number, which Freebit then checks. */
    public void changeContractLine(String account, ContractLine line, String productNumber) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("account", account(account));
        request.put("contractLine", Objects.requireNonNull(line, "line").wire());
        if (productNumber != null) {
            request.put("productNumber", productNumber);
        }
        call("contractLineChange", "/mvno/contractline/change/", Repeat.ONCE, request);
    }

    /** PA02-04: cancels the line on {@code runDate} (null: now). */
    public void cancel(String account, LocalDate runDate) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "MVNO");
        request.put("account", account(account));
        if (runDate != null) {
            request.put("runDate", runDate.format(YYYYMMDD));
        }
        call("cancelAccount", "/master/cnclAcnt/", Repeat.ONCE, request);
    }

    /** PA05-41 with {@code addKind "R"}: reissues the line's eSIM profile onto {@code newEid}. */
    public void reissueEsim(EsimReissue reissue) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("aladinOperated", "20");
        request.put("addKind", "R");
        request.put("account", account(reissue.account()));
        request.put("eid", reissue.newEid());
        Map<String, String> old = new LinkedHashMap<>();
        if (reissue.oldProductNumber() != null) {
            old.put("oldProductNumber", reissue.oldProductNumber());
        }
        if (reissue.oldEid() != null) {
            old.put("oldEid", reissue.oldEid());
        }
        if (!old.isEmpty()) {
            request.put("reissue", old);
        }
        call("esimReissue", "/mvno/esim/addAcnt/", Repeat.ONCE, request);
    }

    /**
     * Activates a new line (PA02-01 for a physical SIM, PA05-41 {@code addKind "N"} for an eSIM): Freebit accepts it
     * and the line is {@code processing} until done; follow it with {@link #accountDetail}. Sent once: after a timeout,
     * look the account up before asking again (an existing account is refused).
     *
     * @return the SIM's product number if Freebit answers one, else null
     */
    public String activateLine(LineActivation activation) {
        Map<String, Object> request = new LinkedHashMap<>();
        JsonNode body;
        if (activation.esim()) {
            request.put("aladinOperated", "20");
            request.put("createType", "new");
            request.put("addKind", "N");
            request.put("account", account(activation.account()));
            request.put("eid", activation.eid());
            request.put("planCode", activation.planCode());
            request.put("contractLine", activation.contractLine().wire());
            body = call("esimActivation", "/mvno/esim/addAcnt/", Repeat.ONCE, request);
        } else {
            request.put("kind", "MVNO");
            request.put("account", account(activation.account()));
            request.put("planCode", activation.planCode());
            request.put("simKind", "sim");
            request.put("contractLine", activation.contractLine().wire());
            body = call("addAccount", "/master/addAcnt/", Repeat.ONCE, request);
        }
        return text(body, "productNumber");
    }

    // ---- envelope and authKey ----

    private JsonNode call(String operation, String path, Repeat repeat, Map<String, Object> request) {
        String key = currentKey();
        Answer answer = exchange(operation, path, repeat, withKey(request, key));
        if (properties.authResultCodes().contains(answer.resultCode())) {
            log.info("freebit: authKey refused on {} (resultCode {}), renewing", operation, answer.resultCode());
            key = renew(key);
            answer = exchange(operation, path, repeat, withKey(request, key));
            if (properties.authResultCodes().contains(answer.resultCode())) {
                throw new FreebitAuthenticationException(operation, answer.httpStatus(), answer.status());
            }
        }
        if (!"100".equals(answer.resultCode())) {
            throw new FreebitApiException(operation, answer.httpStatus(), answer.status());
        }
        return answer.body();
    }

    private String currentKey() {
        String key = authKey;
        return key != null ? key : renew(null);
    }

    /** A new authKey replacing {@code stale}; when another caller already replaced it, that key. */
    private String renew(String stale) {
        synchronized (renewal) {
            String key = authKey;
            if (key != null && !key.equals(stale)) {
                return key;
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("oemId", properties.oemId());
            request.put("oemKey", properties.oemKey());
            Answer answer = exchange("authOem", "/authOem/", Repeat.SAFE, request);
            if (!"100".equals(answer.resultCode())) {
                throw new FreebitAuthenticationException("authOem", answer.httpStatus(), answer.status());
            }
            String issued = text(answer.body(), "authKey");
            if (issued == null) {
                throw malformed("authOem", "no authKey", answer.body());
            }
            authKey = issued;
            return issued;
        }
    }

    private static Map<String, Object> withKey(Map<String, Object> request, String key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authKey", key);
        json.putAll(request);
        return json;
    }

    private record Answer(int httpStatus, String resultCode, String statusCode, String message, JsonNode body) {

        FreebitStatus status() {
            return new FreebitStatus(resultCode, statusCode, message);
        }

    }

    private Answer exchange(String operation, String path, Repeat repeat, Map<String, Object> json) {
        String text = LenientJson.mapper().writeValueAsString(json);
        ExternalHttp.Response response = http.send(operation, repeat, rest -> {
            RestClient.RequestBodySpec spec = rest.post().uri(path);
            if (properties.encoding() == FreebitClientProperties.Encoding.MULTIPART) {
                MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
                form.add("json", text);
                return spec.contentType(MediaType.MULTIPART_FORM_DATA).body(form);
            }
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("json", text);
            return spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        });
        JsonNode body = LenientJson.tree(SYSTEM, operation, response);
        if (body == null || !body.isObject()) {
            throw new ExternalResponseException(SYSTEM, operation, response.status(),
                    "not a JSON object: " + response.excerpt(), null);
        }
        String resultCode = text(body, "resultCode");
        if (resultCode == null) {
            throw new ExternalResponseException(SYSTEM, operation, response.status(),
                    "no resultCode in the answer (HTTP " + response.status() + "): " + response.excerpt(), null);
        }
        JsonNode status = body.get("status");
        return new Answer(response.status(), resultCode, text(status, "statusCode"), text(status, "message"), body);
    }

    private static Map<String, Object> quota(QuotaTopUp topUp) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "MVNO");
        request.put("account", account(topUp.account()));
        request.put("quota", Integer.toString(topUp.quotaMb()));
        if (topUp.quotaCode() != null) {
            request.put("quotaCode", topUp.quotaCode());
        }
        if (topUp.expire() != null) {
            request.put("expire", topUp.expire().format(YYYYMMDD));
        }
        return request;
    }

    private static String account(String account) {
        return Objects.requireNonNull(account, "account").replace("-", "");
    }

    /** A scalar field as text; null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return value.asString();
    }

    private static ExternalResponseException malformed(String operation, String what, JsonNode body) {
        return new ExternalResponseException(SYSTEM, operation, 200, what + " in " + Excerpts.of(
                body == null ? null : body.toString()), null);
    }

    // ---- wire shapes (the sandbox's guesses for the response fields; see docs/sandbox/freebit.md) ----

    record DetailWire(String account, String state, String startDate, String cancelDate, String productNumber,
                      String simKind, String eid, String planCode, String contractLine, String globalIp, String voice,
                      Map<String, String> talkOption, String remainingQuota, List<Map<String, String>> reservedOrders) {

        AccountDetail toDetail(FreebitClientProperties.UsageUnit unit) {
            Map<String, Boolean> options = new LinkedHashMap<>();
            if (talkOption != null) {
                talkOption.forEach((name, flag) -> options.put(name, "10".equals(flag)));
            }
            List<AccountDetail.ReservedOrder> orders = new ArrayList<>();
            if (reservedOrders != null) {
                for (Map<String, String> order : reservedOrders) {
                    Map<String, String> details = new LinkedHashMap<>(order);
                    String id = details.remove("orderId");
                    String kind = details.remove("order");
                    LocalDate runTime = date(details.remove("runTime"));
                    orders.add(new AccountDetail.ReservedOrder(id, kind, runTime, Map.copyOf(details)));
                }
            }
            return new AccountDetail(required(account, "account"), state, date(startDate), date(cancelDate), productNumber,
                    "esim".equals(simKind), eid, planCode, contractLine == null ? null : ContractLine.ofWire(contractLine),
                    "10".equals(globalIp), "10".equals(voice), Map.copyOf(options), kb(remainingQuota, unit), List.copyOf(orders));
        }
    }

    record TrafficWire(String account, String remainingQuota, String todayUsage, List<DayWire> trafficHistory) {

        TrafficInfo toInfo(FreebitClientProperties.UsageUnit unit) {
            List<TrafficInfo.DailyUsage> days = new ArrayList<>();
            if (trafficHistory != null) {
                for (DayWire day : trafficHistory) {
                    days.add(new TrafficInfo.DailyUsage(required(date(day.date()), "trafficHistory.date"), kb(day.usage(), unit)));
                }
            }
            return new TrafficInfo(required(account, "account"), kb(required(remainingQuota, "remainingQuota"), unit),
                    kb(todayUsage, unit), List.copyOf(days));
        }
    }

    record DayWire(String date, String usage) {
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a YYYYMMDD date: " + value);
        }
    }

    private static long kb(String value, FreebitClientProperties.UsageUnit unit) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return unit.toKb(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
    }
}
