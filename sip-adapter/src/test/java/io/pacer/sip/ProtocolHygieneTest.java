package io.pacer.sip;

import static io.pacer.sip.RawSipPeer.header;
import static io.pacer.sip.RawSipPeer.statusLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.SipEndpoint;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol hygiene of issue 11 over real UDP against a live Pacer: stateless answers carry a To tag, OPTIONS
 * tells what Pacer allows, accepts and supports, a wrong version gets 505, a malformed request gets 400 naming
 * the problem (or 415/416/420 where they apply), an over-long datagram is dropped unparsed, and INVITEs carry
 * User-Agent, Allow and an SDP origin of their own.
 */
class ProtocolHygieneTest {

    private static PacerSipServer pacer;
    private static StandInCore core;
    private static RawSipPeer carrier;
    private static RawSipPeer stranger;

    @BeforeAll
    static void start() throws Exception {
        int carrierPort = Sipp.freePort();
        // No agent logs in, so an answered call is abandoned: its prompt lasts 5 s, time for a re-INVITE.
        SipConfig config = new SipConfig("127.0.0.1", Sipp.freePort(), 1, 24000, 27999, 1, "PCMU", "login", false,
                5_000, List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrierPort, "udp")),
                List.of(new SipConfig.AgentConfig(1, "agent1", "agent-secret", 1, null, 0, true)));
        core = new StandInCore(0, true);
        pacer = new PacerSipServer(config);
        core.attach(pacer.telephony());
        pacer.start(core);
        carrier = new RawSipPeer(carrierPort, pacer.sipPort());
        stranger = new RawSipPeer(Sipp.freePort(), pacer.sipPort());
    }

    @AfterAll
    static void stop() {
        pacer.close();
        core.close();
        carrier.close();
        stranger.close();
    }

    @BeforeEach
    void quiet() throws Exception {
        carrier.drain();
        stranger.drain();
    }

    /** A request from {@code peer}, its Via on the peer's own port so that the answer comes back to it. */
    static String request(RawSipPeer peer, String method, String extraHeaders, String body) {
        String ruri = "sip:+15550001@127.0.0.1:" + pacer.sipPort();
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:carrier@127.0.0.1>;tag=f1\r\n"
                + "To: <" + ruri + ">\r\n"
                + "Call-ID: " + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void assertToTagged(String answer) {
        assertNotNull(answer, "no answer");
        assertTrue(header(answer, "To").contains(";tag="), "no To tag (RFC 3261 8.2.6.2) in:\n" + answer);
    }

    @Test
    void statelessRefusalsCarryAToTag() throws Exception {
        String forbidden = stranger.exchange(request(stranger, "INVITE", "", ""), 2000);
        assertEquals("SIP/2.0 403 Forbidden", statusLine(forbidden));
        assertToTagged(forbidden);
        String unavailable = carrier.exchange(request(carrier, "INVITE", "", ""), 2000);
        assertEquals("SIP/2.0 480 Temporarily Unavailable", statusLine(unavailable));
        assertToTagged(unavailable);
        String register = stranger.exchange(request(stranger, "REGISTER", "Expires: 60\r\n", ""), 2000);
        assertEquals("SIP/2.0 403 Forbidden", statusLine(register));
        assertToTagged(register);
        String challenge = stranger.exchange(request(stranger, "REGISTER", "Expires: 60\r\n", "")
                .replace("<sip:+15550001@127.0.0.1:" + pacer.sipPort() + ">", "<sip:agent1@127.0.0.1>"), 2000);
        assertEquals("SIP/2.0 401 Unauthorized", statusLine(challenge));
        assertToTagged(challenge);
        assertEquals(0, pacer.liveServerTransactions(), "a stateless answer must keep no transaction");
    }

    @Test
    void optionsIsAnsweredWithAllowAcceptAndSupported() throws Exception {
        String ok = carrier.exchange(request(carrier, "OPTIONS", "Accept: application/sdp\r\n", ""), 2000);
        assertEquals("SIP/2.0 200 OK", statusLine(ok));
        assertToTagged(ok);
        assertEquals(SipEndpoint.ALLOW.replace(" ", ""), header(ok, "Allow").replace(" ", ""));
        assertTrue(header(ok, "Accept").contains("application/sdp"), ok);
        assertTrue(header(ok, "Supported").contains("timer"), ok);
    }

    @Test
    void anotherSipVersionIsAnswered505() throws Exception {
        String answer = carrier.exchange(request(carrier, "OPTIONS", "", "").replace(" SIP/2.0\r\n", " SIP/7.0\r\n"), 2000);
        assertTrue(statusLine(answer).startsWith("SIP/2.0 505 "), answer);
        assertToTagged(answer);
    }

    @Test
    void duplicateOrContradictingContentLengthIsAnswered400NamingIt() throws Exception {
        String twice = carrier.exchange(request(carrier, "OPTIONS", "Content-Length: 0\r\n", ""), 2000);
        assertEquals("SIP/2.0 400 Multiple Content-Length values", statusLine(twice));
        assertToTagged(twice);
        String contradicting = carrier.exchange(request(carrier, "OPTIONS", "l: 12\r\n", ""), 2000);
        assertEquals("SIP/2.0 400 Multiple Content-Length values", statusLine(contradicting));
        String tooLong = carrier.exchange(request(carrier, "OPTIONS", "", "").replace("Content-Length: 0", "Content-Length: 99"), 2000);
        assertEquals("SIP/2.0 400 Content-Length larger than the message body", statusLine(tooLong));
    }

    @Test
    void malformedRequestsAreAnsweredWithTheStatusThatApplies() throws Exception {
        String noCallId = carrier.exchange(request(carrier, "OPTIONS", "", "").replaceAll("Call-ID: [^\r]*\r\n", ""), 2000);
        assertEquals("SIP/2.0 400 Missing Call-ID header fields", statusLine(noCallId));
        String scheme = carrier.exchange(request(carrier, "OPTIONS", "", "").replaceFirst("OPTIONS sip:", "OPTIONS isbn:"), 2000);
        assertTrue(statusLine(scheme).startsWith("SIP/2.0 416 "), scheme);
        String require = carrier.exchange(request(carrier, "OPTIONS", "Require: nothingSupportedHere\r\n", ""), 2000);
        assertTrue(statusLine(require).startsWith("SIP/2.0 420 "), require);
        assertEquals("nothingSupportedHere", header(require, "Unsupported"));
        String body = carrier.exchange(request(carrier, "INVITE", "Content-Type: application/unknownformat\r\n",
                "<xml/>"), 2000);
        assertTrue(statusLine(body).startsWith("SIP/2.0 415 "), body);
        assertTrue(header(body, "Accept").contains("application/sdp"), body);
        String mismatch = carrier.exchange(request(carrier, "OPTIONS", "", "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"), 2000);
        assertEquals("SIP/2.0 400 CSeq method does not match the request's", statusLine(mismatch));
        assertEquals(0, pacer.stats().workerErrors());
        assertEquals(0, pacer.stats().callsInProgress());
    }

    @Test
    void aDatagramOverTheLimitIsDroppedUnparsedAndOneWithinIsAnswered() throws Exception {
        String within = request(carrier, "OPTIONS", "X-Pad: " + "a".repeat(7000) + "\r\n", "");
        assertTrue(within.length() <= SipEndpoint.MAX_MESSAGE_BYTES);
        assertEquals("SIP/2.0 200 OK", statusLine(carrier.exchange(within, 2000)));
        String over = request(carrier, "OPTIONS", "X-Pad: " + "a".repeat(SipEndpoint.MAX_MESSAGE_BYTES) + "\r\n", "");
        assertNull(carrier.exchange(over, 1000), "a datagram over 8 KB must be dropped, not parsed cut short");
        String huge = request(carrier, "OPTIONS", "X-Pad: " + "a".repeat(60_000) + "\r\n", "");
        assertNull(carrier.exchange(huge, 1000), "a 60 KB datagram must be dropped");
        assertEquals("SIP/2.0 200 OK", statusLine(carrier.exchange(request(carrier, "OPTIONS", "", ""), 2000)));
    }

    @Test
    void invitesCarryUserAgentAllowAndAnSdpOriginOfTheirOwn() throws Exception {
        long[] sessionIds = new long[2];
        for (int i = 0; i < 2; i++) {
            pacer.telephony().dial(100 + i, 1, 100 + i, "+1555010" + i, null, 20_000);
            String invite = carrier.receiveRequest("INVITE", 3000);
            assertNotNull(invite, "no INVITE reached the carrier");
            assertEquals(SipEndpoint.PRODUCT, header(invite, "User-Agent"));
            assertEquals(SipEndpoint.ALLOW.replace(" ", ""), header(invite, "Allow").replace(" ", ""));
            Matcher origin = Pattern.compile("o=pacer (\\d+) (\\d+) IN IP4 127.0.0.1").matcher(invite);
            Matcher media = Pattern.compile("m=audio (\\d+) ").matcher(invite);
            assertTrue(origin.find() && media.find(), invite);
            sessionIds[i] = Long.parseLong(origin.group(1));
            assertNotEquals(media.group(1), origin.group(1), "the session id must not be the relay port");
            assertEquals("1", origin.group(2));
            carrier.send(busy(invite));
            assertNotNull(carrier.receiveRequest("ACK", 3000), "the 486 was not ACKed");
            assertNotNull(core.awaitEvent("failed " + (100 + i), 3000), "the busy call was not failed");
        }
        assertNotEquals(sessionIds[0], sessionIds[1], "two sessions share an SDP session id");
        carrier.drain();
    }

    @Test
    void aNewOfferInTheSessionKeepsItsSdpSessionIdAndRaisesTheVersion() throws Exception {
        pacer.telephony().dial(300, 1, 300, "+15550300", null, 20_000);
        String invite = carrier.receiveRequest("INVITE", 3000);
        assertNotNull(invite, "no INVITE reached the carrier");
        Matcher offered = Pattern.compile("o=pacer (\\d+) (\\d+) ").matcher(invite);
        assertTrue(offered.find(), invite);
        carrier.send(answer(invite));
        assertNotNull(carrier.receiveRequest("ACK", 3000), "the 200 was not ACKed");
        assertNotNull(core.awaitEvent("answered 300", 3000));
        String pacerUri = header(invite, "Contact").replaceAll("^.*<|>.*$", "");
        carrier.send(inDialog("INVITE", 1, pacerUri, invite, sdp()));
        String ok = carrier.receive(3000);
        assertEquals("SIP/2.0 200 OK", statusLine(ok), ok);
        Matcher answered = Pattern.compile("o=pacer (\\d+) (\\d+) ").matcher(ok);
        assertTrue(answered.find(), ok);
        assertEquals(offered.group(1), answered.group(1), "the session id changed within the session");
        assertEquals(Long.parseLong(offered.group(2)) + 1, Long.parseLong(answered.group(2)),
                "the version must rise with each new offer of the session");
        carrier.send(inDialog("ACK", 1, pacerUri, invite, ""));
        carrier.send(inDialog("BYE", 2, pacerUri, invite, ""));
        assertEquals("SIP/2.0 200 OK", statusLine(carrier.receive(3000)));
        carrier.drain();
    }

    @Test
    void overTcpARequestWithABodyPassesTheGateAndAMalformedOneIsAnswered() throws Exception {
        try (java.net.Socket tcp = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), pacer.sipPort())) {
            tcp.setSoTimeout(3000);
            String sdp = sdp();
            String invite = ("INVITE sip:+15550001@127.0.0.1:" + pacer.sipPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + tcp.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                    + "From: <sip:mallory@127.0.0.1>;tag=t1\r\nTo: <sip:+15550001@127.0.0.1>\r\n"
                    + "Call-ID: tcp" + System.nanoTime() + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            tcp.getOutputStream().write(invite.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals("SIP/2.0 403 Forbidden", readStatusLine(tcp), "a well-formed INVITE with SDP over TCP");
            String twoFroms = invite.replace("CSeq: 1 INVITE", "CSeq: 1 INVITE\r\nFrom: <sip:eve@127.0.0.1>;tag=t2");
            tcp.getOutputStream().write(twoFroms.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals("SIP/2.0 400 Multiple From header fields", readStatusLine(tcp));
        }
    }

    /** Reads one response from {@code tcp} (no body expected) and returns its status line. */
    private static String readStatusLine(java.net.Socket tcp) throws Exception {
        StringBuilder b = new StringBuilder();
        java.io.InputStream in = tcp.getInputStream();
        while (b.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.substring(0, b.indexOf("\r\n"));
    }

    private static String sdp() {
        return "v=0\r\no=carrier 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\n";
    }

    /** The carrier's 200 to {@code invite}, with SDP. */
    private static String answer(String invite) {
        String body = sdp();
        return "SIP/2.0 200 OK\r\n"
                + "Via: " + header(invite, "Via") + "\r\n"
                + "From: " + header(invite, "From") + "\r\n"
                + "To: " + header(invite, "To") + ";tag=answered\r\n"
                + "Call-ID: " + header(invite, "Call-ID") + "\r\n"
                + "CSeq: " + header(invite, "CSeq") + "\r\n"
                + "Contact: <sip:carrier@127.0.0.1:" + carrier.port() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** A request of the carrier's inside the dialog {@code invite} opened (the carrier is now the UAC). */
    private static String inDialog(String method, int cseq, String pacerUri, String invite, String body) {
        return method + " " + pacerUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + carrier.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: " + header(invite, "To") + ";tag=answered\r\n"
                + "To: " + header(invite, "From") + "\r\n"
                + "Call-ID: " + header(invite, "Call-ID") + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:carrier@127.0.0.1:" + carrier.port() + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** A 486 to {@code invite}, from the carrier. */
    static String busy(String invite) {
        return "SIP/2.0 486 Busy Here\r\n"
                + "Via: " + header(invite, "Via") + "\r\n"
                + "From: " + header(invite, "From") + "\r\n"
                + "To: " + header(invite, "To") + ";tag=busy\r\n"
                + "Call-ID: " + header(invite, "Call-ID") + "\r\n"
                + "CSeq: " + header(invite, "CSeq") + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
