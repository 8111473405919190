package io.pacer.store.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.pacer.store.error.InvalidFieldException;
import java.util.List;

/**
 * Phone numbers as Pacer stores and dials them: normalised to E.164 with libphonenumber, and the time zone a
 * number belongs to (for the contact calling window) from its geocoder's {@link PhoneNumberToTimeZonesMapper}.
 * Thread-safe: both libphonenumber singletons are.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
    private static final java.util.Map<String, String> ZONE_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /** A number parsed and checked, with its E.164 form and its time zone ({@code fallbackZone} when unknown). */
    public record Normalised(String e164, String timeZone) {
    }

    /**
     * Parses a number as written (national numbers in {@code defaultRegion}) and checks that it is a valid number.
     *
     * @throws InvalidFieldException on field {@code phone} when it is not a valid number
     */
    public static Normalised normalise(String raw, String defaultRegion, String fallbackZone) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("phone", "missing");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidFieldException("phone", "not a phone number: " + raw + " (" + e.getErrorType() + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidFieldException("phone", "not a valid number: " + raw);
        }
        String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        String zone = zoneOf(e164, number);
        return new Normalised(e164, zone == null ? fallbackZone : zone);
    }

    /**
     * The number's first time zone, or {@code null} when unknown. The mapper's lookup costs more than parsing,
     * and its data never distinguishes numbers below the area code, so results are cached by the number
     * without its last four digits (the import of a large list hits the cache almost always).
     */
    private static String zoneOf(String e164, PhoneNumber number) {
        String key = e164.length() >= 10 ? e164.substring(0, e164.length() - 4) : e164;
        String cached = ZONE_CACHE.get(key);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        List<String> zones = ZONES.getTimeZonesForNumber(number);
        String zone = zones.isEmpty() || UNKNOWN_ZONE.equals(zones.get(0)) ? "" : zones.get(0);
        if (ZONE_CACHE.size() > 200_000) {
            ZONE_CACHE.clear();
        }
        ZONE_CACHE.put(key, zone);
        return zone.isEmpty() ? null : zone;
    }

    /** The E.164 form of a number or the same refusal as {@link #normalise}. */
    public static String e164(String raw, String defaultRegion) {
        return normalise(raw, defaultRegion, "UTC").e164();
    }
}
