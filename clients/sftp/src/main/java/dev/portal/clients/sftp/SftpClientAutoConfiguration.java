package dev.portal.clients.sftp;

import dev.portal.clients.support.ExternalCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The CDR file client and parser, when {@code portal.clients.sftp.host} is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.clients.sftp", name = "host")
@EnableConfigurationProperties(SftpClientProperties.class)
public class SftpClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CdrFileClient cdrFileClient(SftpClientProperties properties, ObjectProvider<MeterRegistry> meters,
                                ObjectProvider<ObservationRegistry> observations) {
        ExternalCalls calls = new ExternalCalls(CdrFileClient.SYSTEM, properties.http(), meters.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new CdrFileClient(properties, calls);
    }

    @Bean
    @ConditionalOnMissingBean
    CdrParser cdrParser(SftpClientProperties properties) {
        return new CdrParser(properties.layout());
    }
}
