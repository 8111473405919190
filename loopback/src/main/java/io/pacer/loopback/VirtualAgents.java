package io.pacer.loopback;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agents' phones on 127.0.0.1, speaking real SIP and RTP to Pacer: each registers with digest
 * authentication, auto-answers Pacer's nailed-up call, echoes the audio it receives, and follows Pacer's
 * MESSAGE notices: after "ended" it wraps up for a drawn time and sends "ready"; a "preview" offer is accepted.
 * Agent {@code i} is user {@code agent<i>} with password {@code pw-agent<i>} (see {@link #password}).
 */
public final class VirtualAgents implements AutoCloseable {

    private final int count;
    private final AgentScript script;
    private final Random random;
    private final ScheduledExecutorService scheduler;
    private final MiniSipEndpoint sip;
    private final DatagramSocket rtp;
    private final Agent[] agents;
    private final ConcurrentHashMap<String, Agent> byCallId = new ConcurrentHashMap<>();
    private final AtomicInteger branch = new AtomicInteger();
    private volatile InetSocketAddress pacer;
    /** The phones answer preview offers themselves; off when an agent's desktop is to answer them instead. */
    private volatile boolean phonesAcceptPreviews = true;
    private ScheduledExecutorService ownScheduler;

    private static final class Agent {
        final int id;
        final String user;
        final String tag = Long.toHexString(System.nanoTime());
        final AtomicInteger cseq = new AtomicInteger(1);
        volatile boolean registered;
        volatile MiniSipMessage session;
        volatile String customer;

        Agent(int id) {
            this.id = id;
            this.user = "agent" + id;
        }
    }

    VirtualAgents(int count, AgentScript script, long seed, ScheduledExecutorService scheduler) throws IOException {
        this.count = count;
        this.script = script;
        this.random = new Random(seed);
        this.scheduler = scheduler;
        this.agents = new Agent[count];
        for (int i = 0; i < count; i++) {
            agents[i] = new Agent(i);
        }
        this.rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.sip = new MiniSipEndpoint("virtual-agents", this::onMessage);
        Thread echo = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!rtp.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    rtp.receive(p);
                    rtp.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                } catch (IOException e) {
                    if (rtp.isClosed()) {
                        return;
                    }
                }
            }
        }, "virtual-agents-rtp");
        echo.setDaemon(true);
        echo.start();
    }

    /**
     * Agents with their own timer thread, for use outside {@link LoopbackDemoWorld} (benchmarks): configure
     * Pacer with agents {@code 0..count-1}, users {@link #user}, passwords {@link #password}, then call
     * {@link #registerAll}.
     */
    public static VirtualAgents start(int count, LongSampler wrapMillis, long seed) throws IOException {
        return start(count, AgentScript.sampled(wrapMillis), seed);
    }

    /** As {@link #start(int, LongSampler, long)}, the agents following {@code script}. */
    public static VirtualAgents start(int count, AgentScript script, long seed) throws IOException {
        ScheduledExecutorService timers = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "virtual-agents-timers");
            t.setDaemon(true);
            return t;
        });
        VirtualAgents agents = new VirtualAgents(count, script, seed, timers);
        agents.ownScheduler = timers;
        return agents;
    }

    /** The SIP user name of agent {@code id}. */
    public static String user(int id) {
        return "agent" + id;
    }

    /** The digest password of agent {@code id}. */
    public static String password(int id) {
        return "pw-agent" + id;
    }

    /** Number of agents. */
    public int count() {
        return count;
    }

    /** Agents registered with Pacer. */
    public int registered() {
        int n = 0;
        for (Agent a : agents) {
            n += a.registered ? 1 : 0;
        }
        return n;
    }

    /** Sends every agent's first REGISTER to Pacer at {@code pacerPort}; Pacer then calls each phone. */
    public void registerAll(int pacerPort) {
        this.pacer = new InetSocketAddress(InetAddress.getLoopbackAddress(), pacerPort);
        for (Agent a : agents) {
            sip.send(register(a, null), pacer);
        }
    }

    private String register(Agent a, String authorization) {
        StringBuilder b = new StringBuilder(512);
        b.append("REGISTER sip:127.0.0.1:").append(pacer.getPort()).append(" SIP/2.0\r\n");
        via(b);
        b.append("From: <sip:").append(a.user).append("@127.0.0.1>;tag=").append(a.tag).append("\r\n")
                .append("To: <sip:").append(a.user).append("@127.0.0.1>\r\n")
                .append("Call-ID: reg-").append(a.user).append("-").append(a.tag).append("\r\n")
                .append("CSeq: ").append(a.cseq.getAndIncrement()).append(" REGISTER\r\n")
                .append("Contact: <sip:").append(a.user).append("@127.0.0.1:").append(sip.port()).append(">\r\n")
                .append("Expires: 3600\r\nMax-Forwards: 70\r\n");
        if (authorization != null) {
            b.append("Authorization: ").append(authorization).append("\r\n");
        }
        return MiniSipMessage.finish(b, null, null);
    }

    private void via(StringBuilder b) {
        b.append("Via: SIP/2.0/UDP 127.0.0.1:").append(sip.port()).append(";rport;branch=z9hG4bKva")
                .append(branch.incrementAndGet()).append("\r\n");
    }

    private Agent agentOf(String uri) {
        int at = uri.indexOf('@');
        String user = uri.substring(uri.indexOf(':') + 1, at < 0 ? uri.length() : at);
        if (user.startsWith("agent")) {
            try {
                int id = Integer.parseInt(user.substring(5));
                return id >= 0 && id < count ? agents[id] : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private void onMessage(MiniSipMessage m, InetSocketAddress from) {
        if (!m.isRequest()) {
            onResponse(m);
            return;
        }
        switch (m.method()) {
            case "INVITE" -> {
                Agent a = byCallId.get(m.callId());
                if (a == null) {
                    a = agentOf(m.startLine.split(" ")[1]);
                }
                if (a == null) {
                    sip.send(m.response(404, "Not Found", null, null, null, null), from);
                    return;
                }
                byCallId.put(m.callId(), a);
                boolean first = a.session == null;
                if (first) {
                    a.session = m;
                }
                String sdp = "v=0\r\no=" + a.user + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
                sip.send(m.response(200, "OK", a.tag, "Contact: <sip:" + a.user + "@127.0.0.1:" + sip.port() + ">\r\n",
                        "application/sdp", sdp), from);
                if (first) {
                    script.loggedIn(a.id);
                }
            }
            case "MESSAGE" -> {
                sip.send(m.response(200, "OK", null, null, null, null), from);
                Agent a = byCallId.get(m.callId());
                if (a != null) {
                    notice(a, m.body.trim());
                }
            }
            case "BYE" -> {
                sip.send(m.response(200, "OK", null, null, null, null), from);
                Agent a = byCallId.remove(m.callId());
                if (a != null) {
                    a.session = null;
                }
            }
            case "ACK" -> { }
            default -> sip.send(m.response(200, "OK", null, null, null, null), from);
        }
    }

    private void onResponse(MiniSipMessage m) {
        if (!"REGISTER".equals(m.cseqMethod())) {
            return;
        }
        String callId = m.callId();
        Agent a = agentOf("sip:" + callId.substring(4, callId.lastIndexOf('-')) + "@");
        if (a == null) {
            return;
        }
        if (m.status() == 401) {
            sip.send(register(a, digest(a, m.header("WWW-Authenticate"))), pacer);
        } else if (m.status() == 200) {
            a.registered = true;
        }
    }

    private String digest(Agent a, String challenge) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String uri = "sip:127.0.0.1:" + pacer.getPort();
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = md5(a.user + ":" + realm + ":" + password(a.id));
        String ha2 = md5("REGISTER:" + uri);
        String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + a.user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + cnonce + "\"";
    }

    private static String param(String header, String name) {
        int i = header.indexOf(name + "=\"");
        if (i < 0) {
            return "";
        }
        int start = i + name.length() + 2;
        return header.substring(start, header.indexOf('"', start));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void notice(Agent a, String text) {
        String[] words = text.split("\\s+");
        switch (words[0]) {
            case "connected" -> {
                a.customer = words.length > 2 ? words[2] : null;
                script.connected(a.id, a.customer);
            }
            case "ended" -> {
                long wrap;
                synchronized (random) {
                    wrap = Math.max(0, script.wrapMillis(a.id, a.customer, random));
                }
                script.ended(a.id);
                scheduler.schedule(() -> {
                    script.ready(a.id);
                    tell(a, "ready");
                }, wrap, TimeUnit.MILLISECONDS);
            }
            case "preview" -> {
                if (words.length > 1 && phonesAcceptPreviews) {
                    scheduler.schedule(() -> tell(a, "accept " + words[1]), 200, TimeUnit.MILLISECONDS);
                }
            }
            default -> { }
        }
    }

    /**
     * Whether the phones accept the preview offers they are told of (by default they do, 200 ms after the
     * offer). Off, an offer waits for the agent's answer from elsewhere, its desktop over HTTP.
     */
    public void phonesAcceptPreviews(boolean accept) {
        phonesAcceptPreviews = accept;
    }

    /** Sends a MESSAGE inside the agent's session (the agent's side of Pacer's text protocol). */
    private void tell(Agent a, String text) {
        MiniSipMessage inv = a.session;
        if (inv == null) {
            return;
        }
        StringBuilder b = new StringBuilder(512);
        b.append("MESSAGE ").append(MiniSipMessage.uriOf(inv.header("Contact"))).append(" SIP/2.0\r\n");
        via(b);
        b.append("From: ").append(inv.header("To")).append(";tag=").append(a.tag).append("\r\n")
                .append("To: ").append(inv.header("From")).append("\r\n")
                .append("Call-ID: ").append(inv.callId()).append("\r\n")
                .append("CSeq: ").append(a.cseq.getAndIncrement()).append(" MESSAGE\r\nMax-Forwards: 70\r\n");
        sip.send(MiniSipMessage.finish(b, "text/plain", text), pacer);
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }
}
