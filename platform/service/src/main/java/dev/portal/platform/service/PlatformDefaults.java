package dev.portal.platform.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A platform library's conventions as lowest-precedence properties: every service behaves alike, its
 * {@code application.yml} stays thin, and the service or its environment can still override any value.
 * Subclasses are registered as {@code org.springframework.boot.EnvironmentPostProcessor} in spring.factories.
 */
public abstract class PlatformDefaults implements EnvironmentPostProcessor {

    private final String name;

    protected PlatformDefaults(String name) {
        this.name = name;
    }

    /** Puts this library's defaults into {@code defaults}; the environment is there for conditional ones. */
    protected abstract void contribute(Map<String, Object> defaults, ConfigurableEnvironment environment);

    @Override
    public final void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        contribute(defaults, environment);
        environment.getPropertySources().addLast(new MapPropertySource(name, defaults));
    }
}
