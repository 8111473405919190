package io.pacer.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A datagram's request line and header fields as text, unfolded, before any parser has seen them: what
 * {@link MessageGate} checks and what it rebuilds a request from when the stack's parser refuses one. Header
 * names are kept as sent; {@link #values} finds them by full or compact name, ignoring case.
 */
final class RawRequest {

    /** Compact forms of header names (RFC 3261 7.3.3), full name to its one letter. */
    private static final String[][] COMPACT = {
        {"call-id", "i"}, {"from", "f"}, {"to", "t"}, {"via", "v"}, {"content-length", "l"},
        {"content-type", "c"}, {"contact", "m"}, {"supported", "k"}, {"subject", "s"}, {"content-encoding", "e"},
    };

    final String firstLine;
    /** Each header as {name, value}, continuation lines joined. */
    final List<String[]> headers;
    /** Octets after the blank line that ends the headers; -1 when there is no blank line. */
    final int bodyLength;
    /** A line in the header section that has no colon, or {@code null}. */
    final String badLine;

    private RawRequest(String firstLine, List<String[]> headers, int bodyLength, String badLine) {
        this.firstLine = firstLine;
        this.headers = headers;
        this.bodyLength = bodyLength;
        this.badLine = badLine;
    }

    /** Splits {@code bytes} into lines and header fields; never fails. */
    static RawRequest of(byte[] bytes) {
        int end = headerEnd(bytes);
        int headerBytes = end < 0 ? bytes.length : end;
        String head = new String(bytes, 0, headerBytes, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", -1);
        int first = 0;
        while (first < lines.length - 1 && lines[first].isEmpty()) {
            first++;
        }
        List<String[]> headers = new ArrayList<>();
        String bad = null;
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + " " + line.trim();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                bad = bad == null ? line : bad;
                continue;
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        int body = end < 0 ? -1 : bytes.length - end - (bytes[end] == '\r' ? 4 : 2);
        return new RawRequest(lines[first], headers, body, bad);
    }

    /** Index of the blank line's first CR or LF after the headers, or -1. */
    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < b.length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The values of header {@code name} (its full name, lower case), in order, under either form of the name. */
    List<String> values(String name) {
        String compact = null;
        for (String[] c : COMPACT) {
            if (c[0].equals(name)) {
                compact = c[1];
            }
        }
        List<String> out = new ArrayList<>(1);
        for (String[] h : headers) {
            String n = h[0].toLowerCase(Locale.ROOT);
            if (n.equals(name) || n.equals(compact)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    /** The one value of {@code name}, or {@code null} when it is absent or repeated. */
    String single(String name) {
        List<String> v = values(name);
        return v.size() == 1 ? v.get(0) : null;
    }
}
