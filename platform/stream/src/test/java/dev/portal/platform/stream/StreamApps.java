package dev.portal.platform.stream;

import dev.portal.platform.events.Topic;
import dev.portal.platform.test.TestInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Several consuming instances in one test, each a context of its own against the per-JVM broker, without a database. */
final class StreamApps implements AutoCloseable {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /** Starts an instance; {@code properties} are {@code key=value} and win over the defaults here. */
    ConfigurableApplicationContext start(Class<?> application, String... properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        settings.put("spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        settings.put("spring.main.banner-mode", "off");
        for (String property : properties) {
            int eq = property.indexOf('=');
            settings.put(property.substring(0, eq), property.substring(eq + 1));
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).run(args);
        running.add(context);
        return context;
    }

    /** Declares a catalogue topic before any instance has started (a service declares the whole catalogue at start). */
    static void declare(Topic topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic.name())) {
                admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not declare " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
