package dev.portal.sandbox.freebit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Freebit emptool API under {@code /freebit/emptool/api/}: every operation is a POST whose form field
 * {@code json} carries the request, answered with the envelope {@code {"resultCode":"100","status":{…},…}};
 * refusals are envelopes with another {@code resultCode} (see {@link FreebitError}). Paths not found in public
 * sources are marked [unverified] and served as the portal expects them, aliases included.
 */
@RestController
@RequestMapping("/freebit/emptool/api")
class FreebitApiController {

    private static final Set<String> TALK_OPTIONS = Set.of("voiceMail", "callWaiting", "worldCall", "worldWing");
    private static final Pattern EID = Pattern.compile("\\d{32}");
    private static final Pattern PRODUCT_NUMBER = Pattern.compile("[A-Z]{2}\\d{13}");
    private static final DateTimeFormatter RUN_TIME_MINUTES = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private final FreebitLines lines;
    private final FreebitAuthKeys keys;
    private final FreebitSettings settings;
    private final FreebitActivations activations;

    FreebitApiController(FreebitLines lines, FreebitAuthKeys keys, FreebitSettings settings, FreebitActivations activations) {
        this.lines = lines;
        this.keys = keys;
        this.settings = settings;
        this.activations = activations;
    }

    @PostMapping({"/authOem", "/authOem/", "/authOem/getAuthKey", "/authOem/getAuthKey/"})
    ResponseEntity<Map<String, Object>> authOem(HttpServletRequest http) {
        return answer(() -> {
            FreebitParams request = FreebitParams.of(http);
            if (!settings.oemId().equals(request.text("oemId")) || !settings.oemKey().equals(request.text("oemKey"))) {
                throw new FreebitError(FreebitError.OEM_AUTH_FAILED, "401", "oemId or oemKey is not valid");
            }
            Map<String, Object> body = ok();
            body.put("authKey", keys.issue());
            return body;
        });
    }

    /** PA03-02; path [unverified]. */
    @PostMapping({"/mvno/getDetail", "/mvno/getDetail/"})
    ResponseEntity<Map<String, Object>> getDetail(HttpServletRequest http) {
        return authenticated(http, request -> {
            String version = request.version();
            if (version != null && !version.equals("2")) {
                throw FreebitError.invalid("version must be \"2\"");
            }
            JsonNode datas = request.json().get("requestDatas");
            if (datas == null || !datas.isArray() || datas.isEmpty() || !datas.get(0).isObject()) {
                throw FreebitError.invalid("requestDatas must list one account");
            }
            JsonNode first = datas.get(0);
            String kind = FreebitParams.text(first, "kind");
            if (!"MVNO".equals(kind)) {
                throw FreebitError.invalid("requestDatas[0].kind must be \"MVNO\"");
            }
            String account = FreebitParams.account(first, "requestDatas[0].account");
            LocalDate today = lines.today();
            Map<String, Object> detail = lines.read(account, line -> detail(line, today));
            Map<String, Object> body = ok();
            body.put("responseDatas", List.of(detail));
            return body;
        });
    }

    private Map<String, Object> detail(FreebitLine line, LocalDate today) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "MVNO");
        d.put("account", line.account);
        d.put("state", line.cancelled ? "cancelled" : line.locked() ? "processing" : "active");
        d.put("startDate", line.startDate.format(FreebitLines.YYYYMMDD));
        if (line.cancelDate != null) {
            d.put("cancelDate", line.cancelDate.format(FreebitLines.YYYYMMDD));
        }
        d.put("productNumber", line.productNumber);
        d.put("simKind", line.esim ? "esim" : "sim");
        if (line.eid != null) {
            d.put("eid", line.eid);
        }
        d.put("planCode", line.planCode);
        d.put("contractLine", line.contractLine);
        d.put("globalIp", line.globalIp);
        d.put("voice", line.voice ? "10" : "20");
        d.put("talkOption", new LinkedHashMap<>(line.talkOptions));
        d.put("remainingQuota", quota(line.remainingKb(today, lines.clockInstant())));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (FreebitLine.Pending p : line.pending) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("orderId", p.id());
            order.put("order", p.order().wire);
            if (p.runDate() != null) {
                order.put("runTime", p.runDate().format(FreebitLines.YYYYMMDD));
            }
            order.putAll(p.details());
            orders.add(order);
        }
        d.put("reservedOrders", orders);
        return d;
    }

    /** PA05-01. */
    @PostMapping({"/mvno/getTrafficInfo", "/mvno/getTrafficInfo/"})
    ResponseEntity<Map<String, Object>> getTrafficInfo(HttpServletRequest http) {
        return authenticated(http, request -> {
            String account = request.account();
            LocalDate today = lines.today();
            return lines.read(account, line -> {
                Map<String, Object> body = ok();
                body.put("account", line.account);
                body.put("remainingQuota", quota(line.remainingKb(today, lines.clockInstant())));
                body.put("todayUsage", quota(line.usageKb.getOrDefault(today, 0L)));
                List<Map<String, Object>> days = new ArrayList<>();
                line.usageKb.descendingMap().forEach((date, kb) -> {
                    if (days.size() < settings.trafficDays() && !date.isAfter(today)) {
                        Map<String, Object> day = new LinkedHashMap<>();
                        day.put("date", date.format(FreebitLines.YYYYMMDD));
                        day.put("usage", quota(kb));
                        days.add(day);
                    }
                });
                body.put("trafficHistory", days);
                return body;
            });
        });
    }

    /** PA04-04 (path [unverified]); immediate. */
    @PostMapping({"/master/addSpec", "/master/addSpec/"})
    ResponseEntity<Map<String, Object>> addSpec(HttpServletRequest http) {
        return authenticated(http, request -> addQuota(request, false));
    }

    /** {@code eachQuota} (path [unverified]): addSpec's fields plus an optional {@code runTime} (scheduled top-up). */
    @PostMapping({"/mvno/eachQuota", "/mvno/eachQuota/"})
    ResponseEntity<Map<String, Object>> eachQuota(HttpServletRequest http) {
        return authenticated(http, request -> addQuota(request, true));
    }

    private Map<String, Object> addQuota(FreebitParams request, boolean scheduled) {
        requireKind(request);
        String account = request.account();
        long quota = request.number("quota", 1, 512_000);
        String quotaCode = request.text("quotaCode");
        if (quotaCode != null && quotaCode.length() > 512) {
            throw FreebitError.invalid("quotaCode must be at most 512 characters");
        }
        LocalDate expire = request.date("expire", false);
        Instant runTime = scheduled ? runTime(request.text("runTime")) : null;
        lines.addQuota(account, quota, quotaCode, expire, runTime);
        return ok();
    }

    private Instant runTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 12) {
                return LocalDateTime.parse(value, RUN_TIME_MINUTES).atZone(settings.zone()).toInstant();
            }
            return LocalDate.parse(value, FreebitLines.YYYYMMDD).atStartOfDay(settings.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw FreebitError.invalid("runTime must be YYYYMMDD or YYYYMMDDhhmm");
        }
    }

    /** PA05-21 (path [unverified]). */
    @PostMapping({"/mvno/changePlan", "/mvno/changePlan/"})
    ResponseEntity<Map<String, Object>> changePlan(HttpServletRequest http) {
        return authenticated(http, request -> {
            String account = request.account();
            String planCode = request.required("planCode");
            if (planCode.length() > 32) {
                throw FreebitError.invalid("planCode must be at most 32 characters");
            }
            String globalIp = request.flag("globalIp", "20");
            LocalDate runTime = request.date("runTime", false);
            lines.changePlan(account, planCode, globalIp, runTime);
            Map<String, Object> body = ok();
            if ("10".equals(globalIp)) {
                body.put("ipv4", "203.0.113." + (10 + Integer.parseInt(account.substring(9))));
                body.put("ipv6", "2001:db8::" + account.substring(7));
            }
            return body;
        });
    }

    /** PA05-06: asynchronous; the line is locked until done. */
    @PostMapping({"/mvno/talkoption/changeOrder", "/mvno/talkoption/changeOrder/"})
    ResponseEntity<Map<String, Object>> changeTalkOption(HttpServletRequest http) {
        return authenticated(http, request -> {
            String account = request.account();
            if (!"10".equals(request.text("userConfirmed"))) {
                throw FreebitError.invalid("userConfirmed must be \"10\"");
            }
            request.flag("aladinOperated", "20");
            JsonNode talkOption = request.object("talkOption");
            Map<String, String> options = talkOption == null ? Map.of() : FreebitParams.fields(talkOption);
            if (options.isEmpty()) {
                throw FreebitError.invalid("talkOption must name at least one option");
            }
            options.forEach((name, value) -> {
                if (!TALK_OPTIONS.contains(name)) {
                    throw FreebitError.invalid("talkOption." + name + " is not a known option");
                }
                if (!value.equals("10") && !value.equals("20")) {
                    throw FreebitError.invalid("talkOption." + name + " must be \"10\" or \"20\"");
                }
            });
            lines.changeTalkOptions(account, options);
            return ok();
        });
    }

    /** PA05-38: about 30 minutes, the line locked meanwhile; cannot be cancelled. */
    @PostMapping({"/mvno/contractline/change", "/mvno/contractline/change/"})
    ResponseEntity<Map<String, Object>> changeContractLine(HttpServletRequest http) {
        return authenticated(http, request -> {
            String account = request.account();
            String contractLine = request.required("contractLine");
            if (!contractLine.equals("4G") && !contractLine.equals("5G")) {
                throw FreebitError.invalid("contractLine must be \"4G\" or \"5G\"");
            }
            lines.changeContractLine(account, contractLine, request.text("productNumber"));
            return ok();
        });
    }

    /** PA02-04, and its alias {@code releasePlan} [unverified] (same request). */
    @PostMapping({"/master/cnclAcnt", "/master/cnclAcnt/", "/mvno/releasePlan", "/mvno/releasePlan/"})
    ResponseEntity<Map<String, Object>> cancel(HttpServletRequest http) {
        return authenticated(http, request -> {
            if (http.getRequestURI().contains("/cnclAcnt") && request.text("kind") == null) {
                throw FreebitError.invalid("kind is required");
            }
            requireKind(request);
            String account = request.account();
            lines.cancel(account, request.date("runDate", true));
            return ok();
        });
    }

    /**
     * PA02-01, a new line ("up to 10 min"). The public excerpt names only {@code masterAccount}/{@code masterPassword}
     * and "the service list"; the sandbox reads {@code account} (the MSISDN), {@code planCode}, {@code simKind}
     * ({@code "sim"}, or {@code "esim"} with {@code eid}), {@code contractLine} ({@code "4G"} default) [G].
     */
    @PostMapping({"/master/addAcnt", "/master/addAcnt/"})
    ResponseEntity<Map<String, Object>> addAccount(HttpServletRequest http) {
        return authenticated(http, request -> {
            requireKind(request);
            String simKind = request.text("simKind") == null ? "sim" : request.text("simKind");
            if (!simKind.equals("sim") && !simKind.equals("esim")) {
                throw FreebitError.invalid("simKind must be \"sim\" or \"esim\"");
            }
            String eid = request.text("eid");
            if (simKind.equals("esim") && (eid == null || !EID.matcher(eid).matches())) {
                throw FreebitError.invalid("eid must be 32 digits for an eSIM");
            }
            return activate(request, simKind.equals("esim"), eid);
        });
    }

    /** A new line's activation (both paths): refused by the scenario, or registered and processing. */
    private Map<String, Object> activate(FreebitParams request, boolean esim, String eid) {
        String account = request.account();
        String planCode = request.required("planCode");
        String contractLine = request.text("contractLine") == null ? "4G" : request.text("contractLine");
        if (!contractLine.equals("4G") && !contractLine.equals("5G")) {
            throw FreebitError.invalid("contractLine must be \"4G\" or \"5G\"");
        }
        java.util.Optional<String> refused = activations.refusal(account);
        if (refused.isPresent()) {
            throw new FreebitError(FreebitError.ACTIVATION_REFUSED, "409", "activation refused: " + refused.get());
        }
        String productNumber = lines.register(account, esim, eid, planCode, contractLine, activations.duration());
        Map<String, Object> body = ok();
        body.put("account", account);
        body.put("productNumber", productNumber);
        return body;
    }

    /** PA05-41 (new lines and reissues; MNP is not simulated), and its alias {@code reissueEsim} [unverified] (same request, {@code addKind} defaults to "R"). */
    @PostMapping({"/mvno/esim/addAcnt", "/mvno/esim/addAcnt/", "/mvno/reissueEsim", "/mvno/reissueEsim/"})
    ResponseEntity<Map<String, Object>> esim(HttpServletRequest http) {
        return authenticated(http, request -> {
            boolean alias = http.getRequestURI().contains("/reissueEsim");
            String addKind = request.text("addKind");
            if (addKind == null && alias) {
                addKind = "R";
            }
            if (addKind == null || !Set.of("N", "M", "R").contains(addKind)) {
                throw FreebitError.invalid("addKind must be \"N\", \"M\" or \"R\"");
            }
            String aladin = request.flag("aladinOperated", "20");
            if (aladin.equals("10") && !addKind.equals("N")) {
                throw new FreebitError(FreebitError.UNSUPPORTED_PATTERN, "356",
                        "400-356 unsupported pattern: aladinOperated \"10\" is only for addKind \"N\"");
            }
            if (addKind.equals("M")) {
                throw new FreebitError(FreebitError.NOT_APPLICABLE, "400",
                        "the sandbox does not simulate MNP (addKind \"M\")");
            }
            String account = request.account();
            String eid = request.required("eid");
            if (!EID.matcher(eid).matches()) {
                throw FreebitError.invalid("eid must be 32 digits");
            }
            if (addKind.equals("N")) {
                return activate(request, true, eid);
            }
            JsonNode reissue = request.object("reissue");
            String oldProductNumber = FreebitParams.text(reissue, "oldProductNumber");
            if (oldProductNumber != null && !PRODUCT_NUMBER.matcher(oldProductNumber).matches()) {
                throw FreebitError.invalid("reissue.oldProductNumber must be 2 capital letters and 13 digits");
            }
            lines.reissueEsim(account, eid, oldProductNumber, FreebitParams.text(reissue, "oldEid"));
            return ok();
        });
    }

    // ---- envelope ----

    private static void requireKind(FreebitParams request) {
        String kind = request.text("kind");
        if (kind != null && !kind.equals("MVNO")) {
            throw FreebitError.invalid("kind must be \"MVNO\"");
        }
    }

    private String quota(long kb) {
        return Long.toString(settings.usageUnit().fromKb(kb));
    }

    private ResponseEntity<Map<String, Object>> authenticated(HttpServletRequest http,
                                                              Function<FreebitParams, Map<String, Object>> operation) {
        return answer(() -> {
            FreebitParams request = FreebitParams.of(http);
            if (!keys.valid(request.text("authKey"))) {
                throw new FreebitError(FreebitError.AUTH_KEY_INVALID, "401", "authKey is not valid or has expired");
            }
            return operation.apply(request);
        });
    }

    private ResponseEntity<Map<String, Object>> answer(Supplier<Map<String, Object>> operation) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(operation.get());
        } catch (FreebitError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("resultCode", e.resultCode());
            body.put("status", status(e.getMessage(), e.statusCode()));
            return ResponseEntity.status(settings.errorHttpStatus()).contentType(MediaType.APPLICATION_JSON).body(body);
        }
    }

    private static Map<String, Object> ok() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultCode", "100");
        body.put("status", status("OK", "200"));
        return body;
    }

    private static Map<String, Object> status(String message, String statusCode) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("message", message);
        status.put("statusCode", statusCode);
        return status;
    }
}
