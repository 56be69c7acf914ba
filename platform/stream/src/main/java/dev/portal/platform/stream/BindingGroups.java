package dev.portal.platform.stream;

import dev.portal.platform.events.ConsumerGroups;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.util.StringUtils;

/** The groups of this service's bindings, so that {@code DeadLetters} replays what they dead-lettered. */
final class BindingGroups implements ConsumerGroups {

    private final BindingServiceProperties bindings;

    BindingGroups(BindingServiceProperties bindings) {
        this.bindings = bindings;
    }

    @Override
    public Set<String> names() {
        return bindings.getBindings().keySet().stream().map(bindings::getGroup).filter(StringUtils::hasText)
                .collect(Collectors.toSet());
    }
}
