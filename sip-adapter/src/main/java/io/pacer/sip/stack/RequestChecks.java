package io.pacer.sip.stack;

import java.util.List;
import java.util.Locale;

/**
 * The checks {@link MessageGate} makes on a request's raw text before the stack parses it, each one a rule of RFC
 * 3261 that the stack's parser lets through or refuses without an answer: the version (505), the shape of the
 * request line, the Request-URI's scheme (416), the fields that must appear exactly once, CSeq, Max-Forwards and
 * Content-Length (400). Returns the first problem found, naming it, or {@code null}.
 */
final class RequestChecks {

    /** The largest CSeq sequence number (RFC 3261 8.1.1.5: less than 2**31). */
    private static final long MAX_CSEQ = (1L << 31) - 1;

    /** Fields a request must carry exactly once (RFC 3261 8.1.1, 20): name as checked, name as told. */
    private static final String[][] EXACTLY_ONCE = {
        {"from", "From"}, {"to", "To"}, {"call-id", "Call-ID"}, {"cseq", "CSeq"},
    };

    private RequestChecks() {
    }

    /**
     * The first problem of {@code raw}, a request, or {@code null} when it has none the gate knows of.
     * {@code withBody}: the body came with the headers (a datagram), so Content-Length can be checked against it.
     */
    static GateVerdict problem(RawRequest raw, boolean withBody) {
        GateVerdict v = requestLine(raw.firstLine);
        if (v == null) {
            v = fields(raw);
        }
        if (v == null) {
            v = contentLength(raw, withBody);
        }
        return v;
    }

    /** {@code Method SP Request-URI SP SIP-Version}, single spaces, nothing around (RFC 3261 7.1, 25.1). */
    private static GateVerdict requestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length >= 3 && parts[parts.length - 1].regionMatches(true, 0, "SIP/", 0, 4)
                && !"SIP/2.0".equalsIgnoreCase(parts[parts.length - 1])) {
            return new GateVerdict(505, "Version Not Supported (" + printable(parts[parts.length - 1]) + ")");
        }
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return GateVerdict.badRequest("Malformed Request-Line (one space between method, URI and version)");
        }
        if (!isToken(parts[0])) {
            return GateVerdict.badRequest("Malformed Request-Line (method is not a token)");
        }
        if (!"SIP/2.0".equalsIgnoreCase(parts[2])) {
            return GateVerdict.badRequest("Malformed Request-Line (no SIP version)");
        }
        String uri = parts[1];
        if (uri.startsWith("<")) {
            return GateVerdict.badRequest("Request-URI enclosed in <>");
        }
        int colon = uri.indexOf(':');
        String scheme = colon <= 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return new GateVerdict(416, "Unsupported URI Scheme (" + printable(scheme) + ")");
        }
        if (!scheme.equals("tel") && uri.indexOf('?', uri.lastIndexOf('@') + 1) >= 0) {
            return GateVerdict.badRequest("Header fields in Request-URI");
        }
        return null;
    }

    /** Fields that must appear once, CSeq's number and method, Max-Forwards' range. */
    private static GateVerdict fields(RawRequest raw) {
        if (raw.badLine != null) {
            return GateVerdict.badRequest("Malformed header line (no colon)");
        }
        for (String[] f : EXACTLY_ONCE) {
            int n = raw.values(f[0]).size();
            if (n != 1) {
                return GateVerdict.badRequest((n == 0 ? "Missing " : "Multiple ") + f[1] + " header fields");
            }
        }
        String[] cseq = raw.single("cseq").trim().split("[ \t]+");
        if (cseq.length != 2 || !cseq[0].matches("0*[0-9]{1,10}") || Long.parseLong(cseq[0]) > MAX_CSEQ) {
            return GateVerdict.badRequest("Bad CSeq (a number below 2^31 and a method)");
        }
        String method = raw.firstLine.substring(0, raw.firstLine.indexOf(' '));
        if (!cseq[1].equals(method)) {
            return GateVerdict.badRequest("CSeq method does not match the request's");
        }
        List<String> maxForwards = raw.values("max-forwards");
        if (maxForwards.size() > 1) {
            return GateVerdict.badRequest("Multiple Max-Forwards header fields");
        }
        if (maxForwards.size() == 1 && !maxForwards.get(0).matches("0*([0-9]{1,2}|1[0-9]{2}|2[0-4][0-9]|25[0-5])")) {
            return GateVerdict.badRequest("Bad Max-Forwards (0 to 255)");
        }
        return null;
    }

    /** One Content-Length, a number, no larger than the body that came (RFC 3261 18.3, 20.14). */
    private static GateVerdict contentLength(RawRequest raw, boolean withBody) {
        List<String> values = raw.values("content-length");
        if (values.size() > 1 || values.size() == 1 && values.get(0).indexOf(',') >= 0) {
            return GateVerdict.badRequest("Multiple Content-Length values");
        }
        if (values.isEmpty()) {
            return null;
        }
        String v = values.get(0);
        if (!v.matches("0*[0-9]{1,9}")) {
            return GateVerdict.badRequest("Bad Content-Length (" + printable(v) + ")");
        }
        if (withBody && raw.bodyLength >= 0 && Integer.parseInt(v) > raw.bodyLength) {
            return GateVerdict.badRequest("Content-Length larger than the message body");
        }
        return null;
    }

    /** RFC 3261 25.1 token characters. */
    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code s} cut to 40 visible ASCII characters (others become spaces), for a reason phrase. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 40));
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            b.append(c > 0x20 && c < 0x7f ? c : ' ');
        }
        return b.toString();
    }
}
