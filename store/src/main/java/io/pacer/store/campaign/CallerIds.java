package io.pacer.store.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a call's display number among a campaign's: the first, each in turn, or the one nearest the called
 * number (local presence). Nearness from libphonenumber: the same area code (national destination code) is
 * nearest, then the same geographic description (its offline geocoder, e.g. "California"), then the same country
 * calling code; equally near numbers take turns. One instance per campaign, used by the hopper's refill thread
 * only (the turn counter is not shared).
 */
public final class CallerIds {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberOfflineGeocoder GEO = PhoneNumberOfflineGeocoder.getInstance();

    private long turn;

    /**
     * The display number for a call to {@code called}, or {@code null} for the campaign's default (the first
     * display number, or the trunk's when the campaign has none).
     */
    public String choose(CallerIdMode mode, List<String> displayNumbers, String called) {
        if (displayNumbers.isEmpty() || mode == CallerIdMode.FIRST) {
            return null;
        }
        if (mode == CallerIdMode.ROTATE || displayNumbers.size() == 1) {
            return displayNumbers.get((int) (turn++ % displayNumbers.size()));
        }
        PhoneNumber target = parse(called);
        int best = 0;
        int count = 0;
        int[] nearness = new int[displayNumbers.size()];
        for (int i = 0; i < nearness.length; i++) {
            nearness[i] = nearness(target, parse(displayNumbers.get(i)));
            if (nearness[i] > best) {
                best = nearness[i];
                count = 0;
            }
            if (nearness[i] == best) {
                count++;
            }
        }
        int pick = (int) (turn++ % count);
        for (int i = 0; i < nearness.length; i++) {
            if (nearness[i] == best && pick-- == 0) {
                return displayNumbers.get(i);
            }
        }
        throw new IllegalStateException("unreachable: " + count + " numbers at nearness " + best);
    }

    /** 3: same area code; 2: same place by the geocoder; 1: same country code; 0: unrelated or unparsable. */
    static int nearness(PhoneNumber a, PhoneNumber b) {
        if (a == null || b == null || a.getCountryCode() != b.getCountryCode()) {
            return 0;
        }
        String areaA = areaCode(a);
        if (!areaA.isEmpty() && areaA.equals(areaCode(b))) {
            return 3;
        }
        String placeA = GEO.getDescriptionForNumber(a, Locale.ENGLISH);
        return !placeA.isEmpty() && placeA.equals(GEO.getDescriptionForNumber(b, Locale.ENGLISH)) ? 2 : 1;
    }

    private static String areaCode(PhoneNumber number) {
        String national = UTIL.getNationalSignificantNumber(number);
        int length = UTIL.getLengthOfGeographicalAreaCode(number);
        return length > 0 ? national.substring(0, length) : "";
    }

    private static PhoneNumber parse(String e164) {
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
