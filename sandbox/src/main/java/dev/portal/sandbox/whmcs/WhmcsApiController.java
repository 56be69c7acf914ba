package dev.portal.sandbox.whmcs;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.roots.SandboxRoots;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /whmcs/includes/api.php}: the WHMCS External API (form fields, urlencoded or multipart; the
 * {@code action} field selects the command), and {@code GET /whmcs/oauth/singlesignon.php}, where browsers redeem
 * CreateSsoToken tokens and land on a stand-in client area page.
 */
@RestController
class WhmcsApiController {

    static final String SESSION_COOKIE = "WHMCSsandbox";

    private static final Logger log = LoggerFactory.getLogger(WhmcsApiController.class);

    private final WhmcsActions actions;
    private final WhmcsState state;
    private final WhmcsSettings settings;
    private final SandboxRoots roots;

    WhmcsApiController(WhmcsActions actions, WhmcsState state, SandboxRoots roots) {
        this.roots = roots;
        this.actions = actions;
        this.state = state;
        this.settings = state.settings();
    }

    @PostMapping("/whmcs/includes/api.php")
    ResponseEntity<Map<String, Object>> api(HttpServletRequest request) {
        WhmcsParams p = new WhmcsParams(request.getParameterMap());
        if (settings.requireAccessKey() && !settings.accessKey().equals(p.get("accesskey"))) {
            return error(HttpStatus.FORBIDDEN.value(), "Invalid IP " + request.getRemoteAddr());
        }
        String identifier = p.get("identifier") != null ? p.get("identifier") : p.get("username");
        String secret = p.get("secret") != null ? p.get("secret") : p.get("password");
        if (!settings.identifier().equals(identifier) || !settings.secret().equals(secret)) {
            return error(settings.authFailureStatus(), "Authentication Failed");
        }
        if (!"json".equalsIgnoreCase(p.get("responsetype"))) {
            return error(200, "The sandbox supports responsetype=json only");
        }
        String action = p.getOr("action", "");
        state.called(action);
        try {
            Map<String, Object> body = actions.run(action, p, baseUrl(request));
            log.info("whmcs action={} result=success", action);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (WhmcsActions.Failure e) {
            log.info("whmcs action={} result=error message=\"{}\"", action, e.getMessage());
            return error(200, e.getMessage());
        }
    }

    @GetMapping("/whmcs/oauth/singlesignon.php")
    ResponseEntity<String> singleSignOn(@RequestParam(name = "access_token", required = false) String token,
                                        HttpServletRequest request) {
        Optional<WhmcsStore.SsoToken> redeemed = actions.redeem(token);
        if (redeemed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML)
                    .body("<!DOCTYPE html><html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>"
                            + "<p>The single sign-on token is invalid or has expired. Please log in.</p></body></html>");
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, baseUrl(request) + "/" + redeemed.get().redirectPath())
                .header(HttpHeaders.SET_COOKIE, SESSION_COOKIE + "=" + redeemed.get().clientid() + "; Path=/whmcs; HttpOnly; SameSite=Lax")
                .build();
    }

    /** The pages SSO destinations lead to: a stand-in for WHMCS's client area that says who is signed in. */
    @GetMapping({"/whmcs/clientarea.php", "/whmcs/index.php", "/whmcs/account/paymentmethods", "/whmcs/supporttickets.php",
            "/whmcs/submitticket.php", "/whmcs/cart.php", "/whmcs/viewinvoice.php"})
    ResponseEntity<String> clientArea(@CookieValue(name = SESSION_COOKIE, required = false) String session, HttpServletRequest request) {
        Optional<String> name = session != null && session.matches("\\d{1,18}") ? actions.clientName(Long.parseLong(session)) : Optional.empty();
        String page = request.getRequestURI().substring("/whmcs/".length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String who = name.map(n -> "<p id=\"client\">Signed in as " + HtmlUtils.htmlEscape(n) + "</p>")
                .orElse("<p id=\"client\">Not signed in. Please log in.</p>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body("<!DOCTYPE html><html><head><title>Client Area - WHMCS sandbox</title></head><body><h1>Client Area</h1>"
                        + who + "<p id=\"page\">" + HtmlUtils.htmlEscape(page) + "</p></body></html>");
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "error");
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Where this installation is served as the caller reached it: its own port's root, or {@code /whmcs} on the shared one. */
    private String baseUrl(HttpServletRequest request) {
        return roots.baseUrl(SandboxSystems.WHMCS, request);
    }
}
