package dev.portal.platform.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.web.*}
 *
 * @param problemBaseUri where problem types are documented; a problem's {@code type} is this plus its code
 * @param maxRequestSize the largest request body a service accepts
 */
@Validated
@ConfigurationProperties("portal.web")
public record PortalWebProperties(@NotBlank @DefaultValue("https://docs.portal.dev/problems/") String problemBaseUri,
                                  @NotNull @DefaultValue("1MB") DataSize maxRequestSize) {
}
