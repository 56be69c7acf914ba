package dev.portal.platform.security;

import dev.portal.platform.service.PlatformDefaults;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;

/** The revocations binding of {@link SessionRevocationsAutoConfiguration}: every instance reads every revocation. */
class SecurityDefaults extends PlatformDefaults {

    SecurityDefaults() {
        super("portal-security-defaults");
    }

    @Override
    protected void contribute(Map<String, Object> defaults, ConfigurableEnvironment environment) {
        String binding = "spring.cloud.stream.bindings." + SessionRevocationsAutoConfiguration.BINDING;
        defaults.put(binding + ".destination", "identity.user.events");
        defaults.put(binding + ".group", "${spring.application.name}-sessions-${portal.instance-id}");
    }
}
