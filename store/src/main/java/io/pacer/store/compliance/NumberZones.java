package io.pacer.store.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every time zone a stored (E.164) number may be in, from libphonenumber's geocoder: one for most fixed lines,
 * dozens for a North American toll-free number (+1 800 spans Guam to St John's), none when unknown. Calling
 * hours are safe only when they hold in every one of them. Results are cached by the number without its last
 * four digits, which the geocoder never distinguishes.
 */
public final class NumberZones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
    private static final int CACHE_LIMIT = 100_000;
    private static final ConcurrentHashMap<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private NumberZones() {
    }

    /** The zones an E.164 number may be in; empty when it cannot be told (or the number does not parse). */
    public static List<String> of(String e164) {
        if (e164 == null || e164.isEmpty()) {
            return List.of();
        }
        String key = e164.length() >= 10 ? e164.substring(0, e164.length() - 4) : e164;
        List<String> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> zones;
        try {
            PhoneNumber number = UTIL.parse(e164, "ZZ");
            zones = ZONES.getTimeZonesForNumber(number).stream().filter(z -> !UNKNOWN.equals(z)).toList();
        } catch (NumberParseException e) {
            zones = List.of();
        }
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, zones);
        return zones;
    }
}
