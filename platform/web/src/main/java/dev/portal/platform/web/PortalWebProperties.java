package dev.portal.platform.web;

import dev.portal.platform.service.HttpUrl;
import dev.portal.platform.service.PositiveDataSize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.web.*}, checked at start: a service with a missing or malformed setting does not start.
 *
 * @param problemBaseUri where problem types are documented; a problem's {@code type} is this plus its code, so it
 *                       ends in {@code /}
 * @param maxRequestSize the largest request body a service accepts
 */
@Validated
@ConfigurationProperties("portal.web")
public record PortalWebProperties(
        @NotBlank @HttpUrl @Pattern(regexp = ".*/", message = "must be an http(s) URL ending in / (a problem's type is it plus the code)")
        @DefaultValue("https://docs.portal.dev/problems/") String problemBaseUri,
        @NotNull @PositiveDataSize @DefaultValue("1MB") DataSize maxRequestSize) {
}
