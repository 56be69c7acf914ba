package dev.portal.sandbox.roots;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Each HTTP simulator at the root of a port of its own, besides its prefix on the main port: a client that resolves
 * paths against the root of its base URL (Salesforce's EMP-Connector resolves {@code /cometd/<version>} against
 * {@code instance_url}; REST clients resolve {@code /services/data/...}) then works as against the real system.
 * One extra Tomcat connector per enabled system; a request arriving on it is forwarded to the system's prefix
 * ({@link SandboxRootForwarding}). The bound ports are published as {@code sandbox.roots.<system>.bound-port}.
 */
@Component
@EnableConfigurationProperties(SandboxRootSettings.class)
public class SandboxRoots implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SandboxRoots.class);

    private final SandboxRootSettings settings;
    private final ConfigurableEnvironment environment;
    private final Map<Connector, String> connectors = new LinkedHashMap<>();
    private final Map<Integer, String> systemsByPort = new ConcurrentHashMap<>();

    SandboxRoots(SandboxRootSettings settings, ConfigurableEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        settings.enabled().forEach((system, port) -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(port);
            // Boot's connector customizers reach only the main connector: Stripe's bracketed query keys
            // (expand[0]=...) must pass here too (StripeWebConfig)
            connector.setProperty("relaxedQueryChars", "[]");
            if (factory.getAddress() != null) {
                connector.setProperty("address", factory.getAddress().getHostAddress());
            }
            connectors.put(connector, system);
            factory.addAdditionalConnectors(connector);
        });
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        Map<String, Object> bound = new LinkedHashMap<>();
        connectors.forEach((connector, system) -> {
            systemsByPort.put(connector.getLocalPort(), system);
            bound.put("sandbox.roots." + system + ".bound-port", connector.getLocalPort());
        });
        if (!bound.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("sandbox-roots", bound));
            log.info("simulators at the root of their own ports: {}", bound);
        }
    }

    /** The system served at the root of the port the request arrived on, if it is one of those ports. */
    public Optional<String> systemAt(HttpServletRequest request) {
        return Optional.ofNullable(systemsByPort.get(request.getLocalPort()));
    }

    /**
     * The base URL of a system as the caller reached it: the root of the port for a request that came in on the
     * system's own port, else this server's address with the system's prefix.
     */
    public String baseUrl(String system, HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String origin = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return systemAt(request).filter(system::equals).isPresent() ? origin : origin + "/" + system;
    }
}
