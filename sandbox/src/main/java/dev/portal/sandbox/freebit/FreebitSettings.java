package dev.portal.sandbox.freebit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The simulated Freebit OEM account and the details Freebit does not publish, as settings (see
 * {@code docs/sandbox/freebit.md}).
 *
 * @param oemId                  OEM id accepted by {@code authOem} ({@code SANDBOX_FREEBIT_OEMID})
 * @param oemKey                 OEM key accepted by {@code authOem} ({@code SANDBOX_FREEBIT_OEMKEY})
 * @param authKeyLifetime        how long an {@code authKey} is accepted [G: not public]
 * @param usageUnit              unit of reported quota and usage, {@code KB} or {@code MB} [G: not public]
 * @param changeInterval         minimum interval between plan, voice option and network type changes of one line
 * @param talkOptionDuration     time a voice option change takes to complete (the line is locked meanwhile) [G]
 * @param contractLineDuration   time a 4G/5G change takes to complete (the line is locked meanwhile)
 * @param cancelDelay            delay after the scheduled time until a cancellation is done
 * @param esimReissueDuration    time an eSIM reissue takes to complete (the line is locked meanwhile) [G]
 * @param activationDuration     time a new line's activation takes to complete (PA02-01: "up to 10 min"; the line is
 *                               {@code processing} meanwhile)
 * @param planChangeNextMonth    a plan change without {@code runTime} takes effect on the 1st of next month
 *                               (the portal's rule); false: immediately [G]
 * @param planCodes              plan codes a plan change may name
 * @param errorHttpStatus        HTTP status of an error envelope [G: not documented; 200 = errors only in the body]
 * @param zone                   time zone of dates ({@code YYYYMMDD}) and scheduled times
 * @param trafficDays            days of usage reported by {@code getTrafficInfo}, newest first
 */
@Validated
@ConfigurationProperties("sandbox.freebit")
record FreebitSettings(@NotBlank String oemId, @NotBlank String oemKey, @DurationMin(seconds = 1) Duration authKeyLifetime,
                       UsageUnit usageUnit, @DurationMin(seconds = 0) Duration changeInterval,
                       @DurationMin(seconds = 0) Duration talkOptionDuration, @DurationMin(seconds = 0) Duration contractLineDuration,
                       @DurationMin(seconds = 0) Duration cancelDelay, @DurationMin(seconds = 0) Duration esimReissueDuration,
                       @DurationMin(seconds = 0) Duration activationDuration, Boolean planChangeNextMonth, @NotEmpty List<@NotBlank String> planCodes,
                       @Min(200) @Max(599) Integer errorHttpStatus, ZoneId zone, @Min(1) Integer trafficDays) {

    /** Unit of quota and usage figures in answers. */
    enum UsageUnit {
        KB(1), MB(1024);

        final long kilobytes;

        UsageUnit(long kilobytes) {
            this.kilobytes = kilobytes;
        }

        /** {@code kb} kilobytes in this unit, rounded down. */
        long fromKb(long kb) {
            return kb / kilobytes;
        }
    }

    FreebitSettings {
        oemId = oemId != null ? oemId : "sandbox-oem";
        oemKey = oemKey != null ? oemKey : "sandbox-key";
        authKeyLifetime = authKeyLifetime != null ? authKeyLifetime : Duration.ofMinutes(60);
        usageUnit = usageUnit != null ? usageUnit : UsageUnit.KB;
        changeInterval = changeInterval != null ? changeInterval : Duration.ofMinutes(30);
        talkOptionDuration = talkOptionDuration != null ? talkOptionDuration : Duration.ofMinutes(5);
        contractLineDuration = contractLineDuration != null ? contractLineDuration : Duration.ofMinutes(30);
        cancelDelay = cancelDelay != null ? cancelDelay : Duration.ofMinutes(10);
        esimReissueDuration = esimReissueDuration != null ? esimReissueDuration : Duration.ofMinutes(10);
        activationDuration = activationDuration != null ? activationDuration : Duration.ofMinutes(5);
        planChangeNextMonth = planChangeNextMonth != null ? planChangeNextMonth : Boolean.TRUE;
        planCodes = planCodes != null ? List.copyOf(planCodes) : List.of("DATA_3GB", "VOICE_10GB", "VOICE_20GB", "FAMILY_VOICE_5GB");
        errorHttpStatus = errorHttpStatus != null ? errorHttpStatus : 200;
        zone = zone != null ? zone : ZoneId.of("Asia/Tokyo");
        trafficDays = trafficDays != null ? trafficDays : 30;
    }
}
