package io.pacer.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gate every message passes on its way into the stack, on the stack's reader thread (installed as the
 * stack's message parser factory, {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}).
 *
 * <ul>
 *   <li>A datagram longer than {@link SipEndpoint#MAX_MESSAGE_BYTES} is dropped before any parsing: the stack reads
 *       one octet more than the limit, so a longer datagram is recognised instead of parsed cut short.</li>
 *   <li>A request that breaks a rule the stack lets through ({@link RequestChecks}), or that the stack's parser
 *       refuses, is rebuilt from what can be read of it (its Via, and From, To, Call-ID and CSeq where they parse)
 *       and handed on with a {@link GateVerdict}, which the SIP worker answers: 400 naming the problem, 416, 505.
 *       Left to the stack, such a request is answered only when all five of those fields are intact, and is
 *       otherwise dropped without a word. A request whose Via cannot be read has nowhere to be answered and is
 *       dropped; so is a bad ACK, which is never answered.</li>
 *   <li>Responses and well-formed requests go to the stack's parser unchanged.</li>
 * </ul>
 */
public final class MessageGate implements MessageParserFactory {

    private static final Gate GATE = new Gate();

    /** Called by the stack, which names this class in its properties. */
    public MessageGate() {
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return GATE;
    }

    /** The parser the stack calls; stateless, so one serves every reader thread. */
    private static final class Gate implements MessageParser {

        private final StringMsgParser parser = new StringMsgParser();

        /**
         * {@code readBody} tells the transport: true from the UDP reader, which hands over the whole datagram;
         * false from the TCP pipeline, which hands over the headers only and sets the body itself on what is
         * returned, so on that path a message is never dropped by returning {@code null} but refused with a
         * {@link ParseException}, as the stack's parser would.
         */
        @Override
        public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener l)
                throws ParseException {
            if (bytes.length > SipEndpoint.MAX_MESSAGE_BYTES) {
                return dropped(readBody, "message longer than " + SipEndpoint.MAX_MESSAGE_BYTES + " bytes");
            }
            if (!isRequest(bytes)) {
                return parser.parseSIPMessage(bytes, readBody, strict, l);
            }
            RawRequest raw = RawRequest.of(bytes);
            GateVerdict verdict = RequestChecks.problem(raw, readBody);
            if (verdict == null) {
                NamingListener naming = new NamingListener(l);
                try {
                    return parser.parseSIPMessage(bytes, readBody, strict, naming);
                } catch (ParseException | RuntimeException e) {
                    verdict = GateVerdict.badRequest(naming.reason(e));
                }
            }
            SIPMessage answerable = rebuilt(raw, verdict);
            return answerable != null ? answerable : dropped(readBody, verdict.reason());
        }

        private static SIPMessage dropped(boolean datagram, String why) throws ParseException {
            if (datagram) {
                return null;
            }
            throw new ParseException(why, 0);
        }

        /**
         * Passes the parser's complaints on to the stack's listener (which forgives a bad optional header and
         * rethrows for one a request cannot do without) and remembers which header it was, for the reason phrase.
         */
        private static final class NamingListener implements ParseExceptionListener {
            private final ParseExceptionListener stack;
            private String header;

            NamingListener(ParseExceptionListener stack) {
                this.stack = stack;
            }

            @Override
            public void handleException(ParseException e, SIPMessage m, Class c, String headerText, String text)
                    throws ParseException {
                if (headerText != null && headerText.indexOf(':') > 0) {
                    header = headerText.substring(0, headerText.indexOf(':')).trim();
                }
                if (stack == null) {
                    throw e;
                }
                stack.handleException(e, m, c, headerText, text);
            }

            /** "Malformed &lt;header&gt; header field (what the parser said)", without the parser's object dumps. */
            String reason(Exception e) {
                String said = String.valueOf(e.getMessage()).replaceAll("\\[C@[0-9a-f]+", " ");
                said = RequestChecks.printable(said).replaceAll("\\s+", " ").trim();
                return "Malformed " + (header == null ? "message" : RequestChecks.printable(header) + " header field")
                        + (said.isEmpty() ? "" : " (" + said + ")");
            }
        }

        /** A request starts with a method token; a response with "SIP/"; a keep-alive is blank. */
        private static boolean isRequest(byte[] b) {
            int i = 0;
            while (i < b.length && (b[i] == '\r' || b[i] == '\n')) {
                i++;
            }
            return i + 4 <= b.length && !(b[i] == 'S' && b[i + 1] == 'I' && b[i + 2] == 'P' && b[i + 3] == '/');
        }

        /**
         * A minimal request carrying the fields an answer echoes, with {@code verdict} attached; {@code null} for an
         * ACK or when the Via does not parse.
         */
        private SIPMessage rebuilt(RawRequest raw, GateVerdict verdict) {
            String via = topVia(raw.values("via"));
            if (via == null) {
                return null;
            }
            String cseq = firstParsing("CSeq", raw.values("cseq"));
            String method = cseq != null ? cseq.trim().split("[ \t]+")[1] : requestMethod(raw.firstLine);
            if ("ACK".equals(method) || "ACK".equals(requestMethod(raw.firstLine))) {
                return null;
            }
            if (cseq == null) {
                cseq = "1 " + method;
            }
            String from = firstParsing("From", raw.values("from"));
            String to = firstParsing("To", raw.values("to"));
            String callId = firstParsing("Call-ID", raw.values("call-id"));
            String text = method + " sip:invalid@invalid SIP/2.0\r\n"
                    + "Via: " + via + "\r\n"
                    + "From: " + (from != null ? from : "<sip:invalid@invalid>;tag=invalid") + "\r\n"
                    + "To: " + (to != null ? to : "<sip:invalid@invalid>") + "\r\n"
                    + "Call-ID: " + (callId != null ? callId : "invalid-" + Long.toHexString(
                            ThreadLocalRandom.current().nextLong())) + "\r\n"
                    + "CSeq: " + cseq + "\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            try {
                SIPMessage m = parser.parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), true, false, null);
                m.setApplicationData(verdict);
                return m;
            } catch (ParseException | RuntimeException unreadable) {
                return null;
            }
        }

        /** The request line's method, or OPTIONS when it has none that is a token. */
        private static String requestMethod(String firstLine) {
            int space = firstLine.indexOf(' ');
            String m = space < 0 ? firstLine : firstLine.substring(0, space);
            return RequestChecks.isToken(m) ? m : "OPTIONS";
        }

        /**
         * The top Via as it parses, or salvaged from extra separators ({@code ;;,;,,}): its first value with runs of
         * semicolons collapsed. Only the top one matters, since the answer goes where it says.
         */
        private static String topVia(List<String> values) {
            if (values.isEmpty()) {
                return null;
            }
            String top = values.get(0);
            String whole = firstParsing("Via", List.of(top));
            if (whole != null) {
                return whole;
            }
            int comma = top.indexOf(',');
            String first = (comma < 0 ? top : top.substring(0, comma)).replaceAll(";[;\\s]*", ";").trim();
            while (first.endsWith(";")) {
                first = first.substring(0, first.length() - 1).trim();
            }
            return firstParsing("Via", List.of(first));
        }

        /** The first of {@code values} that parses as header {@code name}, or {@code null}. */
        private static String firstParsing(String name, List<String> values) {
            for (String v : values) {
                try {
                    if (StringMsgParser.parseSIPHeader(name + ": " + v + "\r\n") != null) {
                        return v;
                    }
                } catch (ParseException | RuntimeException unreadable) {
                    // Try the next one.
                }
            }
            return null;
        }
    }
}
