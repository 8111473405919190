package io.pacer.engine.core;

import java.util.HashMap;
import java.util.List;

/**
 * Which campaign a dialled number reaches, for the campaigns that take inbound calls. Campaign numbers are E.164;
 * carriers hand over the dialled number in whatever form their network uses: international ({@code +49301234567},
 * {@code 0049301234567}), bare international digits ({@code 49301234567}, {@code 15551234567}) or national form
 * with or without a trunk prefix ({@code 0301234567}, {@code 5551234567}). An exact match wins; otherwise the
 * digits, with one trunk-prefix 0 dropped, are matched against the national part of every campaign number (what
 * follows a country code of one to three digits). A national form that two campaigns' numbers share in different
 * countries is ambiguous and reaches neither: refusing beats ringing the wrong campaign's agents.
 *
 * <p>Built on the core's thread when inbound rules change (a command; allocates); looked up when a call is
 * offered.
 */
final class InboundNumberIndex {
    /** A national part shorter than this is never matched: too many numbers end the same way. */
    private static final int MIN_NATIONAL_DIGITS = 6;
    private static final int AMBIGUOUS = -1;

    private final HashMap<String, Integer> exact = new HashMap<>();
    private final HashMap<String, Integer> national = new HashMap<>();

    /** An empty index: no number reaches any campaign. */
    InboundNumberIndex() {
    }

    /** Adds {@code campaignId}'s E.164 numbers; a number already taken by an earlier campaign stays with it. */
    void add(int campaignId, List<String> numbers) {
        for (String number : numbers) {
            exact.putIfAbsent(number, campaignId);
            String digits = number.substring(1);
            for (int cc = 1; cc <= 3 && digits.length() - cc >= MIN_NATIONAL_DIGITS; cc++) {
                national.merge(digits.substring(cc), campaignId, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
    }

    /**
     * The campaign {@code dialled} reaches, or -1. {@code dialled} is "+" and digits when the carrier wrote it
     * in international form, or the digits alone as it wrote them.
     */
    int campaignOf(String dialled) {
        if (dialled == null || dialled.isEmpty()) {
            return -1;
        }
        Integer hit = exact.get(dialled);
        if (hit == null && dialled.charAt(0) != '+') {
            hit = exact.get("+" + dialled);
            if (hit == null) {
                String digits = dialled.charAt(0) == '0' ? dialled.substring(1) : dialled;
                hit = digits.length() >= MIN_NATIONAL_DIGITS ? national.get(digits) : null;
            }
        }
        return hit == null ? -1 : hit;
    }

    /** The E.164 number of campaign {@code campaignId} that {@code dialled} matched, for the call's records. */
    static String e164(String dialled, List<String> numbers) {
        if (dialled.charAt(0) == '+') {
            return dialled;
        }
        String digits = dialled.charAt(0) == '0' ? dialled.substring(1) : dialled;
        for (String n : numbers) {
            if (n.substring(1).equals(dialled) || n.endsWith(digits)) {
                return n;
            }
        }
        return dialled;
    }
}
