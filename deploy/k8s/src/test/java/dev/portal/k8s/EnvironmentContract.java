package dev.portal.k8s;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables an application reads, found in its sources and those of the suite libraries it depends
 * on: {@code ${NAME:default}} placeholders (application.yml, Java string literals) and the short variables the
 * clients alias (string literals that are a whole variable name, such as {@code "PORTAL_WHMCS_URL"}).
 *
 * <p>A variable is satisfied when the Deployment sets it or its default fits a cluster: a default that is empty or
 * names localhost only fits one machine. {@link #OPTIONAL} lists the variables whose absence is a supported choice.
 */
final class EnvironmentContract {

    /** Unset is a supported configuration for these; the reason is what the service does without them. */
    static final Map<String, String> OPTIONAL = Map.of(
            "PORTAL_OTLP_TRACING_ENDPOINT", "spans are exported only when a collector is named (components/opentelemetry)",
            "PORTAL_IDENTITY_SIGNING_KEY", "the signing key is then kept in identity's database, shared by its replicas",
            "PORTAL_IDENTITY_PREVIOUS_SIGNING_KEY", "set only while a signing key rotation is under way",
            "PORTAL_CATALOG_INSTANCE_ID", "defaults to the host name (the pod name) plus a random suffix",
            "PORTAL_GATEWAY_CORS_ORIGINS", "no cross-origin browser calls are allowed",
            "PORTAL_MANAGEMENT_PORT", "the actuator shares the service's port, which only the gateway reaches (the gateway has its own)",
            "PORTAL_WHMCS_ACCESS_KEY", "only for a WHMCS that restricts its API by access key instead of by IP",
            "PORTAL_SALESFORCE_USERNAME", "the JWT bearer flow, an alternative to client credentials",
            "PORTAL_SALESFORCE_PRIVATE_KEY", "the JWT bearer flow, an alternative to client credentials",
            "PORTAL_SIM_CLOCK_FOLLOW_URL", "sim-service keeps its own clock; only a suite on the sandbox follows the Freebit simulator's");

    /**
     * Read through relaxed binding without a placeholder, so invisible to the scan: a token-checking service
     * (platform-security) needs identity's JWKS address; identity-service signs the tokens and needs none.
     */
    private static final Map<String, String> BOUND_BY_LIBRARY = Map.of("platform-security", "PORTAL_SECURITY_JWKS_URI");
    private static final String TOKEN_ISSUER = "identity-service";

    private static final Pattern ALIAS = Pattern.compile("\"(PORTAL_[A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** One variable and its default ({@code null}: none). */
    record Variable(String name, String defaultValue, String source) {
    }

    private EnvironmentContract() {
    }

    static Map<String, Variable> read(String application) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (String module : Modules.withDependencies(application)) {
            for (Path yaml : Modules.mainSources(module, ".yml")) {
                if (!yaml.getFileName().toString().matches("application(-[a-z]+)?\\.yml") || yaml.getFileName().toString().contains("-local")) {
                    continue;
                }
                placeholders(Repository.read(yaml), Repository.ROOT.relativize(yaml).toString(), variables);
            }
            for (Path java : Modules.mainSources(module, ".java")) {
                String source = Repository.read(java);
                String where = Repository.ROOT.relativize(java).toString();
                placeholders(source, where, variables);
                Matcher alias = ALIAS.matcher(source);
                while (alias.find()) {
                    variables.putIfAbsent(alias.group(1), new Variable(alias.group(1), null, where));
                }
            }
            String bound = BOUND_BY_LIBRARY.get(module);
            if (bound != null && !application.equals(TOKEN_ISSUER)) {
                variables.putIfAbsent(bound, new Variable(bound, null, module + " (relaxed binding)"));
            }
        }
        return variables;
    }

    /** The variables of {@code application} that {@code set} leaves unsatisfied, each with why. */
    static List<String> unsatisfied(String application, Set<String> set) {
        Map<String, Variable> variables = read(application);
        return variables.values().stream()
                .filter(v -> !set.contains(v.name()) && !OPTIONAL.containsKey(v.name()))
                .filter(v -> !fits(resolve(v.defaultValue(), set, variables)))
                .map(v -> v.name() + " (read in " + v.source() + (v.defaultValue() == null ? ", no default"
                        : ", default '" + v.defaultValue() + "' only fits one machine") + ")")
                .toList();
    }

    private static boolean fits(String value) {
        return value != null && !value.isBlank() && !value.contains("localhost") && !value.contains("127.0.0.1");
    }

    /** A default with placeholders, as the service would see it: set variables stand for cluster values. */
    private static String resolve(String value, Set<String> set, Map<String, Variable> variables) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            int end = closing(value, start);
            String inner = value.substring(start + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String fallback = colon < 0 ? null : inner.substring(colon + 1);
            if (set.contains(name)) {
                out.append("set-in-cluster");
            } else {
                String resolved = resolve(fallback, set, variables);
                if (resolved == null) {
                    return null;
                }
                out.append(resolved);
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static void placeholders(String text, String where, Map<String, Variable> into) {
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int end = closing(text, i);
            if (end < 0) {
                return;
            }
            String inner = text.substring(i + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            if (ENV_NAME.matcher(name).matches()) {
                into.putIfAbsent(name, new Variable(name, colon < 0 ? null : inner.substring(colon + 1), where));
            }
            i += 2;
        }
    }

    private static int closing(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
