package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.sip.loopback.StandInCore;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What strangers and broken peers get: INVITEs and REGISTERs from anyone but a configured trunk or agent
 * are refused and never reach the engine; malformed messages in the manner of RFC 4475 are answered with the
 * status that names their problem when their Via can be read, dropped otherwise, and Pacer keeps serving.
 */
class UntrustedInputTest {

    private static PacerSipServer pacer;
    private static StandInCore core;
    private static int trunkPort;

    @BeforeAll
    static void start() throws Exception {
        trunkPort = Sipp.freePort();
        SipConfig config = SipConfig.loopback(Sipp.freePort(), 24000,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", trunkPort, "udp")),
                List.of(new SipConfig.AgentConfig(1, "agent1", "agent-secret", 1, null, 0, true)));
        core = new StandInCore(0, true);
        pacer = new PacerSipServer(config);
        core.attach(pacer.telephony());
        pacer.start(core);
    }

    @AfterAll
    static void stop() {
        pacer.close();
        core.close();
    }

    private static String request(String method, String ruri, int fromPort, String extra) {
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:mallory@127.0.0.1>;tag=1\r\n"
                + "To: " + (ruri.contains("agent1") ? "<sip:agent1@127.0.0.1>" : "<" + ruri + ">") + "\r\n"
                + "Call-ID: " + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:mallory@127.0.0.1:" + fromPort + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends one datagram and returns the status line of the first answer, or null if none came. */
    private static String exchange(DatagramSocket socket, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), pacer.sipPort()));
        byte[] buf = new byte[8192];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException silence) {
            return null;
        }
        String text = new String(buf, 0, in.getLength(), StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.setSoTimeout(1500);
        return s;
    }

    @Test
    void inviteFromAStrangerIsForbiddenAndNeverReachesTheEngine() throws Exception {
        try (DatagramSocket s = socket()) {
            String status = exchange(s, request("INVITE", "sip:+15551234@127.0.0.1:" + pacer.sipPort(), s.getLocalPort(),
                    "Content-Type: application/sdp\r\n"));
            assertEquals("SIP/2.0 403 Forbidden", status);
        }
        assertNull(core.awaitEvent("login", 200));
        assertEquals(0, pacer.stats().callsInProgress());
        assertEquals(0, pacer.liveServerTransactions(), "a refusal must keep no transaction");
    }

    @Test
    void registerForAnUnknownUserIsForbiddenAndAKnownOneIsChallenged() throws Exception {
        try (DatagramSocket s = socket()) {
            assertEquals("SIP/2.0 403 Forbidden",
                    exchange(s, request("REGISTER", "sip:nobody@127.0.0.1", s.getLocalPort(), "Expires: 60\r\n")));
            assertEquals("SIP/2.0 401 Unauthorized",
                    exchange(s, request("REGISTER", "sip:agent1@127.0.0.1", s.getLocalPort(), "Expires: 60\r\n")));
            assertEquals("SIP/2.0 401 Unauthorized", exchange(s, request("REGISTER", "sip:agent1@127.0.0.1",
                    s.getLocalPort(), "Expires: 60\r\nAuthorization: Digest username=\"agent1\", realm=\"pacer\", "
                            + "nonce=\"forged00000000000000000000000\", uri=\"sip:127.0.0.1\", response=\"00\"\r\n")));
        }
    }

    @Test
    void wrongPasswordNeverRegisters() throws Exception {
        int port = Sipp.freePort();
        try (Sipp phone = Sipp.uac("agent-bad-register.xml", "127.0.0.1:" + pacer.sipPort(), port, 1,
                "-s", "agent1", "-au", "agent1", "-ap", "wrong")) {
            assertEquals(0, phone.awaitExit(20_000), phone.output());
        }
        assertNull(core.awaitEvent("login", 300));
    }

    @Test
    void malformedMessagesAreAnsweredWhenTheirViaCanBeReadAndPacerKeepsServing() throws Exception {
        String ruri = "sip:x@127.0.0.1:" + pacer.sipPort();
        try (DatagramSocket s = socket()) {
            String via = "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort();
            String[][] torture = {
                {"\u0000\u0001\u0002 not SIP at all\r\n\r\n", null},
                {"INVITE " + ruri + " SIP/7.0\r\n" + via + ";branch=z9hG4bKv\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: badversion\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n",
                    "SIP/2.0 505 Version Not Supported (SIP/7.0)"},
                {"OPTIONS " + ruri + " SIP/2.0\r\n" + via + ";branch=z9hG4bKn\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
                    "SIP/2.0 400 Missing Call-ID header fields"},
                {"INVITE " + ruri + " SIP/2.0\r\n" + via + ";branch=z9hG4bKc\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: cseq\r\nCSeq: -1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n",
                    "SIP/2.0 400 Bad CSeq (a number below 2^31 and a method)"},
                {"INVITE " + ruri + " SIP/2.0\r\n" + via + ";branch=z9hG4bKl\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: len\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 9999\r\n\r\nv=0\r\n",
                    "SIP/2.0 400 Content-Length larger than the message body"},
                {"INVITE isbn:2983792873 SIP/2.0\r\n" + via + ";branch=z9hG4bKs\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: scheme\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n",
                    "SIP/2.0 416 Unsupported URI Scheme (isbn)"},
                {"INVITE " + ruri + " SIP/2.0\r\n" + via + ";branch=z9hG4bKh\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: huge\r\nCSeq: 1 INVITE\r\nX-Huge: " + "A".repeat(60_000)
                        + "\r\nContent-Length: 0\r\n\r\n", null},
                {"INVITE " + ruri + " SIP/2.0\r\nVia: SIP/2.0/UDP [::1:9;branch=z9hG4bKv6\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>\r\nCall-ID: via\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n", null},
                {"BYE " + ruri + " SIP/2.0\r\n" + via + ";branch=z9hG4bKb\r\nFrom: <sip:a@b>;tag=1\r\n"
                        + "To: <sip:c@d>;tag=2\r\nCall-ID: nodialog\r\nCSeq: 1 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n",
                    "SIP/2.0 481 Call leg/Transaction does not exist"},
            };
            s.setSoTimeout(700);
            for (String[] t : torture) {
                assertEquals(t[1], exchange(s, t[0]), "answer to:\n" + t[0].substring(0, Math.min(120, t[0].length())));
            }
            s.setSoTimeout(1500);
            String alive = exchange(s, request("OPTIONS", "sip:ping@127.0.0.1:" + pacer.sipPort(), s.getLocalPort(), ""));
            assertNotNull(alive, "Pacer stopped answering after the torture messages");
        }
        assertEquals(0, pacer.stats().callsInProgress());
        assertEquals(0, pacer.stats().workerErrors());
    }
}
