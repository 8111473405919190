package io.pacer.loopback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough SIP text handling for the virtual carrier and agents: a start line, headers in order, a body.
 * The virtual endpoints are deliberately not built on the stack under test, so that they cannot share its
 * bugs; they are trusted peers on loopback and do no validation beyond what they need.
 */
final class MiniSipMessage {
    final String startLine;
    final List<String[]> headers = new ArrayList<>();
    final String body;

    private MiniSipMessage(String startLine, String body) {
        this.startLine = startLine;
        this.body = body;
    }

    static MiniSipMessage parse(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        MiniSipMessage m = new MiniSipMessage(lines[0], body);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                m.headers.add(new String[] {canonical(lines[i].substring(0, colon).trim()), lines[i].substring(colon + 1).trim()});
            }
        }
        return m;
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase()) {
            case "v", "via" -> "Via";
            case "f", "from" -> "From";
            case "t", "to" -> "To";
            case "i", "call-id" -> "Call-ID";
            case "m", "contact" -> "Contact";
            case "l", "content-length" -> "Content-Length";
            case "c", "content-type" -> "Content-Type";
            case "cseq" -> "CSeq";
            default -> name;
        };
    }

    boolean isRequest() {
        return !startLine.startsWith("SIP/2.0");
    }

    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    int status() {
        return Integer.parseInt(startLine.substring(8, 11));
    }

    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    String callId() {
        return header("Call-ID");
    }

    String cseqMethod() {
        String cseq = header("CSeq");
        return cseq == null ? "" : cseq.substring(cseq.indexOf(' ') + 1).trim();
    }

    /** The URI inside a name-addr header value ({@code "Bob" <sip:b@h>;tag=x} gives {@code sip:b@h}). */
    static String uriOf(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        int gt = nameAddr.indexOf('>');
        return lt >= 0 && gt > lt ? nameAddr.substring(lt + 1, gt) : nameAddr.split(";")[0];
    }

    /** A response to this request with the dialog headers copied; {@code toTag} is added when To has none. */
    String response(int status, String reason, String toTag, String extraHeaders, String contentType, String content) {
        StringBuilder b = new StringBuilder(512);
        b.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : all("Via")) {
            b.append("Via: ").append(via).append("\r\n");
        }
        b.append("From: ").append(header("From")).append("\r\n");
        String to = header("To");
        b.append("To: ").append(to);
        if (toTag != null && !to.contains(";tag=")) {
            b.append(";tag=").append(toTag);
        }
        b.append("\r\n");
        b.append("Call-ID: ").append(callId()).append("\r\n");
        b.append("CSeq: ").append(header("CSeq")).append("\r\n");
        if (extraHeaders != null) {
            b.append(extraHeaders);
        }
        return finish(b, contentType, content);
    }

    static String finish(StringBuilder b, String contentType, String content) {
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            b.append("Content-Type: ").append(contentType).append("\r\n");
        }
        b.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        if (content != null) {
            b.append(content);
        }
        return b.toString();
    }
}
