package io.pacer.sip.stack;

import java.util.ListIterator;
import java.util.Locale;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What RFC 3261 8.2.2.3 and 8.2.3 ask of a UAS before it acts on a new request: an extension it is required to
 * support and does not (420 with Unsupported), a body it cannot read (415 with Accept). Only for requests outside
 * a dialog: inside one, the peer already knows what Pacer supports, and a carrier's INFO bodies are read by the
 * trunk leg, not refused here.
 */
public final class OutOfDialogChecks {

    private OutOfDialogChecks() {
    }

    /** Answers {@code req} and returns {@code true} when it asks for what Pacer lacks; else {@code false}. */
    public static boolean refused(SipEndpoint sip, Request req) {
        if (Request.CANCEL.equals(req.getMethod())) {
            return false;
        }
        String unsupported = unsupportedExtensions(req);
        if (unsupported != null) {
            try {
                Response r = sip.response(Response.BAD_EXTENSION, req);
                sip.addList(r, "Unsupported", unsupported);
                sip.sendStateless(r);
            } catch (java.text.ParseException | RuntimeException e) {
                sip.respondStateless(req, Response.BAD_EXTENSION);
            }
            return true;
        }
        ContentTypeHeader type = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        if (req.getRawContent() != null && req.getRawContent().length > 0 && type != null && !readable(type)) {
            try {
                Response r = sip.response(Response.UNSUPPORTED_MEDIA_TYPE, req);
                sip.addList(r, "Accept", SipEndpoint.ACCEPT);
                sip.sendStateless(r);
            } catch (java.text.ParseException | RuntimeException e) {
                sip.respondStateless(req, Response.UNSUPPORTED_MEDIA_TYPE);
            }
            return true;
        }
        return false;
    }

    /** The option tags of Require that Pacer does not support, comma-separated, or {@code null}. */
    private static String unsupportedExtensions(Request req) {
        StringBuilder out = null;
        ListIterator<?> it = req.getHeaders("Require");
        while (it != null && it.hasNext()) {
            String value = ((Header) it.next()).toString();
            value = value.substring(value.indexOf(':') + 1).trim();
            for (String tag : value.split(",")) {
                String t = tag.trim();
                if (!t.isEmpty() && !SipEndpoint.SUPPORTED.equalsIgnoreCase(t)) {
                    out = out == null ? new StringBuilder(t) : out.append(", ").append(t);
                }
            }
        }
        return out == null ? null : out.toString();
    }

    /** SDP and plain text are what Pacer reads; a multipart body may carry SDP, so it is let through. */
    private static boolean readable(ContentTypeHeader type) {
        String t = (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        return t.equals("application/sdp") || t.equals("text/plain") || t.startsWith("multipart/");
    }
}
