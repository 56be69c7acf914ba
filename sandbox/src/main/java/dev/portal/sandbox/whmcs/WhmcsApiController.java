package dev.portal.sandbox.whmcs;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /whmcs/includes/api.php}: the WHMCS External API (form fields, urlencoded or multipart; the
 * {@code action} field selects the command), and {@code GET /whmcs/oauth/singlesignon.php}, where browsers redeem
 * CreateSsoToken tokens.
 */
@RestController
class WhmcsApiController {

    private static final Logger log = LoggerFactory.getLogger(WhmcsApiController.class);

    private final WhmcsActions actions;
    private final WhmcsSettings settings;

    WhmcsApiController(WhmcsActions actions, WhmcsState state) {
        this.actions = actions;
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
        Optional<String> destination = actions.redeem(token);
        if (destination.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML)
                    .body("<!DOCTYPE html><html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>"
                            + "<p>The single sign-on token is invalid or has expired. Please log in.</p></body></html>");
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, baseUrl(request) + "/" + destination.get())
                .build();
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "error");
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Where this installation is served: this server's address plus {@code /whmcs}. */
    private static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + "/whmcs";
    }
}
