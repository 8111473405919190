package io.pacer.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Pacer's SIP endpoint: one JAIN-SIP stack with a UDP and a TCP listening point on the same port, one
 * provider, the factories, and the few helpers that build headers both legs need. Only the SIP worker thread
 * sends through it.
 *
 * <p>Public because the trunk and agent legs live in their own packages; it is the plumbing they share, so its
 * factories are exposed as fields rather than wrapped, and its life cycle ({@code start}, {@code stop}) stays
 * with {@link PacerSipServer}.
 */
public final class SipEndpoint {

    /** The longest SIP message Pacer accepts, on any transport. */
    public static final int MAX_MESSAGE_BYTES = 8192;

    /** The methods Pacer answers, for Allow in its INVITEs and in its answers to OPTIONS and 405. */
    public static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, INFO, UPDATE, REGISTER";

    /** The bodies Pacer reads: SDP for media, plain text for the agent protocol. */
    public static final String ACCEPT = "application/sdp, text/plain";

    /** The extensions Pacer supports (session timers, RFC 4028). */
    public static final String SUPPORTED = "timer";

    /** Who Pacer says it is, in User-Agent and Server. */
    public static final String PRODUCT = "Pacer";

    public final SipConfig config;
    public final SipStackImpl stack;
    public final SipProvider provider;
    public final AddressFactory addresses;
    public final HeaderFactory headers;
    final MessageFactory messages;
    /** The host peers reach Pacer's SIP at (Via, Contact, From): the advertised address, else the bind address. */
    public final String host;
    /** The host put in SDP for relay ports (see {@link SipConfig#mediaHost()}). */
    public final String mediaHost;
    public final int port;
    public final ContentTypeHeader sdpType;
    public final ContentTypeHeader textType;
    /** Built once: the same header for every INVITE, which the stack only encodes. */
    private final javax.sip.header.UserAgentHeader userAgent;

    public SipEndpoint(SipConfig config, String stackName) throws Exception {
        this.config = config;
        // Built directly, not through SipFactory: the factory keeps every stack it made in a static list for the
        // life of the JVM, stopped or not, and with it Pacer's listener, rings and engine. One Pacer per JVM
        // would not notice; the tests and the benchmark, which start many, leaked each one whole.
        this.stack = new SipStackImpl(stackProperties(config, stackName));
        this.addresses = new AddressFactoryImpl();
        this.headers = new HeaderFactoryImpl();
        this.messages = new MessageFactoryImpl();
        String bind = config.bindAddress();
        this.host = config.sipHost();
        this.mediaHost = config.mediaHost();
        int wanted = config.port() != 0 ? config.port() : freePort(bind);
        ListeningPoint udp = stack.createListeningPoint(bind, wanted, ListeningPoint.UDP);
        this.port = udp.getPort();
        ListeningPoint tcp = stack.createListeningPoint(bind, port, ListeningPoint.TCP);
        if (config.advertisedAddress() != null) {
            // Behind NAT: the Via of requests the stack builds itself (in-dialog BYE, ACK) must name the public
            // address too, or the far end answers to an address it cannot reach.
            udp.setSentBy(host + ":" + port);
            tcp.setSentBy(host + ":" + port);
        }
        this.provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        this.sdpType = headers.createContentTypeHeader("application", "sdp");
        this.textType = headers.createContentTypeHeader("text", "plain");
        this.userAgent = headers.createUserAgentHeader(List.of(PRODUCT));
    }

    /** The stack's settings, each with the reason it differs from JAIN-SIP's default (see docs/sip.md). */
    private static Properties stackProperties(SipConfig config, String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        // The listener only publishes to the worker ring, so it may run on the stack's reader threads directly
        // instead of going through one more queue and thread.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", String.valueOf(config.stackThreads()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", String.valueOf(config.stackThreads()));
        // Logging costs nothing only when it is off; errors still reach stderr through reload4j's default.
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // Defaults (1000 transactions) would throttle a dialer at a few hundred calls per second, because
        // completed transactions linger for their retransmission timers.
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "200000");
        // The UDP reader allocates a fresh buffer of this size for every datagram it receives: at 65,536 (the
        // datagram maximum) that was most of Pacer's allocation and of its collection pauses. SIP messages over
        // UDP stay under the path MTU (RFC 3261 18.1.1), Asterisk and PJSIP cap every message at 4 KB; 8 KB
        // leaves room for long SDP. A longer datagram is dropped unparsed (MessageGate).
        // One octet more than the limit is read, so that MessageGate can tell a longer datagram (dropped before
        // parsing) from one exactly at the limit.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(SipEndpoint.MAX_MESSAGE_BYTES + 1));
        // Every message passes MessageGate: over-long datagrams dropped, malformed requests answered (docs/sip.md).
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", MessageGate.class.getName());
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(4 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", String.valueOf(4 << 20));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // A terminated dialog stays in the stack for this many seconds (default 8) to absorb late requests. The
        // transactions absorb retransmissions already, and a late BYE for a gone dialog is answered 481, which
        // ends the dialog at the far end too (RFC 3261 15.1.1). At a thousand calls a second any linger keeps a
        // thousand dead dialogs a second alive, and young collections copy them.
        p.setProperty("gov.nist.javax.sip.LINGER_TIMER", "0");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "false");
        // The stack schedules a watchdog for every 2xx to an INVITE, "delete the dialog if no ACK was sent", and
        // keeps the dialog for it for this many half seconds (default 64, 32 s) even when the ACK went out at
        // once, as Pacer's does. Two (1 s) frees a finished call's dialog a second after its answer. The same
        // factor bounds how long a 2xx Pacer sent is resent without an ACK (an agent phone's login call: sent
        // at 0 and 0.5 s). Honoured only because the listener is a SipListenerExt (SipEventListener), which
        // also decides what a missing ACK means (SipWorker).
        p.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", "2");
        // The default timer is a java.util.Timer, which keeps a cancelled task queued until its time comes. The
        // stack sets a 180 s early-dialog timer at every 180 Ringing and cancels it at the answer: at a thousand
        // calls a second that is 180,000 dead tasks in the queue, promoted into the old generation one by one.
        // The executor-based timer takes a cancelled task out of its queue at once.
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        return p;
    }

    /** JAIN-SIP cannot bind port 0: find a port free for both UDP and TCP. */
    private static int freePort(String host) throws java.io.IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 1, address)) {
                try (java.net.DatagramSocket udp = new java.net.DatagramSocket(tcp.getLocalPort(), address)) {
                    return tcp.getLocalPort();
                } catch (java.io.IOException taken) {
                    // The UDP side is in use: try another.
                }
            }
        }
        throw new java.io.IOException("no port free for both UDP and TCP on " + host);
    }

    public void start(SipListener listener) throws Exception {
        provider.addSipListener(listener);
        stack.start();
    }

    public void stop() {
        stack.stop();
    }

    /** Live dialogs in the stack (a leak shows here first). */
    public int dialogCount() {
        return stack.getDialogs().size();
    }

    public int clientTransactionCount() {
        return stack.getClientTransactionTableSize();
    }

    public int serverTransactionCount() {
        return stack.getServerTransactionTableSize();
    }

    /** A fresh random From or To tag. */
    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    List<ViaHeader> via(String transport) throws ParseException, javax.sip.InvalidArgumentException {
        List<ViaHeader> list = new ArrayList<>(1);
        list.add(headers.createViaHeader(host, port, transport, null));
        return list;
    }

    /** Pacer's Contact for {@code transport}. */
    public ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("pacer", host);
        uri.setPort(port);
        if ("tcp".equals(transport)) {
            uri.setTransportParam("tcp");
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** {@code sip:user@atHost:atPort}, without the port when {@code atPort} is 0. */
    public Address address(String user, String atHost, int atPort) throws ParseException {
        SipURI uri = addresses.createSipURI(user, atHost);
        if (atPort > 0) {
            uri.setPort(atPort);
        }
        return addresses.createAddress(uri);
    }

    /**
     * A new out-of-dialog INVITE from {@code fromUser} at Pacer to {@code target}: fresh Call-ID and From tag,
     * CSeq 1, Via and Contact for {@code transport}. Both legs start their calls with it and add what is theirs.
     */
    public Request invite(URI target, String fromUser, Address to, String transport) throws ParseException, SipException,
            javax.sip.InvalidArgumentException {
        return request(Request.INVITE, target, fromUser, to, transport);
    }

    /** A new out-of-dialog request of {@code method}, built as {@link #invite} builds an INVITE (trunk probes' OPTIONS). */
    public Request request(String method, URI target, String fromUser, Address to, String transport)
            throws ParseException, SipException, javax.sip.InvalidArgumentException {
        Request invite = messages.createRequest(target, method, provider.getNewCallId(),
                headers.createCSeqHeader(1L, method),
                headers.createFromHeader(address(fromUser, host, port), newTag()),
                headers.createToHeader(to, null), via(transport), headers.createMaxForwardsHeader(70));
        invite.addHeader(contact(transport));
        addList(invite, "Allow", ALLOW);
        invite.addHeader(userAgent);
        return invite;
    }

    /** Where a message really came from (the UDP source or TCP peer), as "address:port". */
    public static String source(Object message) {
        SIPMessage m = (SIPMessage) message;
        InetAddress a = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourceAddress() : m.getRemoteAddress();
        int port = m.getPeerPacketSourcePort() > 0 ? m.getPeerPacketSourcePort() : m.getRemotePort();
        return (a == null ? "?" : a.getHostAddress()) + ":" + port;
    }

    /**
     * Answers a request without keeping any state: for refusals, so that a stranger costs no transaction. The
     * answer gets a To tag when the request had none (RFC 3261 8.2.6.2), since it ends the would-be dialog.
     */
    public void respondStateless(Request request, int status) {
        respondStateless(request, status, null);
    }

    /** {@link #respondStateless(Request, int)} with a reason phrase of Pacer's ({@code null}: the standard one). */
    public void respondStateless(Request request, int status, String reason) {
        try {
            Response r = messages.createResponse(status, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            sendStateless(r);
        } catch (ParseException | RuntimeException e) {
            // Nothing to answer to (no usable Via): dropping is all that is left.
        }
    }

    /** Sends {@code response} outside any transaction, with a To tag added when it has none. */
    public void sendStateless(Response response) {
        try {
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null && response.getStatusCode() >= 200) {
                to.setTag(newTag());
            }
            provider.sendResponse(response);
        } catch (ParseException | SipException | RuntimeException e) {
            // Nothing to answer to (no usable Via): dropping is all that is left.
        }
    }

    /** The 200 to an OPTIONS outside a dialog: what Pacer allows, accepts and supports (RFC 3261 11.2). */
    public void answerOptions(Request request) {
        try {
            Response ok = messages.createResponse(Response.OK, request);
            addList(ok, "Allow", ALLOW);
            addList(ok, "Accept", ACCEPT);
            ok.addHeader(headers.createHeader("Supported", SUPPORTED));
            ok.addHeader(headers.createHeader("Server", PRODUCT));
            sendStateless(ok);
        } catch (ParseException | RuntimeException e) {
            // Nothing to answer to (no usable Via): dropping is all that is left.
        }
    }

    /**
     * Adds header {@code name} with each of the comma-separated {@code values}. Allow, Accept and Unsupported are
     * built by the factory's typed methods, which parse nothing: every INVITE carries Allow, and the generic
     * {@code createHeader} runs the header parser once per value, on the worker's thread.
     */
    public void addList(javax.sip.message.Message m, String name, String values) throws ParseException {
        for (String v : values.split(",")) {
            String value = v.trim();
            m.addHeader(switch (name) {
                case "Allow" -> headers.createAllowHeader(value);
                case "Unsupported" -> headers.createUnsupportedHeader(value);
                case "Accept" -> headers.createAcceptHeader(value.substring(0, value.indexOf('/')),
                        value.substring(value.indexOf('/') + 1));
                default -> headers.createHeader(name, value);
            });
        }
    }

    /** An SDP offer or answer for the relay port {@code rtpPort}, at the advertised media address. */
    public String sdp(int rtpPort, long sessionId, long sessionVersion) {
        return io.pacer.sip.media.Sdp.audio(mediaHost, rtpPort, config.payloadType(), sessionId, sessionVersion);
    }

    /** The server transaction of an in-dialog or accepted request, creating it when the stack did not. */
    public ServerTransaction serverTransaction(RequestEvent e) throws SipException {
        ServerTransaction st = e.getServerTransaction();
        return st != null ? st : provider.getNewServerTransaction(e.getRequest());
    }

    /** A bare response of {@code status} to {@code request}. */
    public Response response(int status, Request request) throws ParseException {
        return messages.createResponse(status, request);
    }
}
