package dev.portal.platform.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in {@code META-INF/spring.factories}; acts on test classes annotated {@link WithInfrastructure}. */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        WithInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.kafka(), annotation.postgres(), testClass.getSimpleName());
    }

    private record Customizer(boolean kafka, boolean postgres, String databaseHint) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>();
            if (kafka) {
                properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
            }
            if (postgres) {
                PostgresServer server = TestInfrastructure.postgres();
                String database = server.createDatabase(databaseHint);
                properties.put("spring.datasource.url", server.jdbcUrl(database));
                properties.put("spring.datasource.username", server.username());
                properties.put("spring.datasource.password", server.password());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-infrastructure", properties));
        }

        // The database hint is only cosmetic: contexts with the same needs may share a cached context.
        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && kafka == that.kafka && postgres == that.postgres;
        }

        @Override
        public int hashCode() {
            return Objects.hash(kafka, postgres);
        }
    }
}
