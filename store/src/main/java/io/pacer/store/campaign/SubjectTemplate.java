package io.pacer.store.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an activity's subject from the campaign's template: {@code {calltype}}, {@code {date}},
 * {@code {time}} (12- or 24-hour), {@code {callresult}} and {@code {callresultgroup}}, in the campaign's zone.
 */
public final class SubjectTemplate {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME_24 = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_12 = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private SubjectTemplate() {
    }

    /** The subject of a call that started at {@code startMillis}. */
    public static String render(Campaign campaign, String callType, long startMillis, String result, String resultGroup) {
        ZonedDateTime at = Instant.ofEpochMilli(startMillis).atZone(ZoneId.of(campaign.timeZone()));
        return campaign.subjectTemplate()
                .replace("{calltype}", callType)
                .replace("{date}", DATE.format(at))
                .replace("{time}", (campaign.clock24() ? TIME_24 : TIME_12).format(at))
                .replace("{callresult}", result == null ? "" : result)
                .replace("{callresultgroup}", resultGroup == null ? "" : resultGroup);
    }
}
