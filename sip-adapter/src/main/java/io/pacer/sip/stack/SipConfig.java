package io.pacer.sip.stack;

import io.pacer.sip.media.PromptAudio;
import java.util.List;

/**
 * Everything the SIP adapter needs to run: where it listens, where the RTP relay binds, the trunks it dials
 * through and the agents whose phones it keeps nailed up. Built by {@link SipConfigLoader} from the
 * {@code sip:} section of Pacer's YAML configuration, or in code for tests and the loopback demo.
 *
 * @param bindAddress      address the SIP stack and the relay listen on (also put in Via, Contact and SDP)
 * @param port             SIP port, used for UDP and TCP
 * @param stackThreads     threads of the stack that read and parse messages; 1 keeps messages of a call in order
 * @param relayPortMin     lowest RTP port of the relay (even)
 * @param relayPortMax     highest RTP port of the relay
 * @param relayThreads     Netty event-loop threads of the relay
 * @param codec            the one G.711 codec offered on both legs ("PCMU" or "PCMA"): the relay never transcodes
 * @param loginExtension   user part agents dial to log in ("login" for sip:login@pacer)
 * @param notifyAgents     send the agent a SIP MESSAGE when a customer is connected to or leaves its session
 * @param abandonMessageMillis how long the relay plays its tone, the stand-in for the identification prompt,
 *                         before an abandoned call's BYE (when there is no {@code abandonPrompt})
 * @param trunks           carriers or PBXs Pacer dials through; the first one is the default
 * @param agents           agents allowed to register and log in
 * @param abandonPrompt    the recorded identification prompt played to an abandoned customer, in {@link #codec},
 *                         or {@code null} for the tone
 * @param advertisedAddress address put in Via, Contact, From and P-Asserted-Identity instead of the bind address,
 *                         for Pacer behind NAT ({@code null}: the bind address)
 * @param rtpAdvertisedAddress address put in the SDP's c= and o= lines instead of the relay's bind address
 *                         ({@code null}: {@code advertisedAddress}, else the bind address)
 * @param sessions         agent liveness checks, session timers and shutdown grace ({@code null}: the defaults)
 */
public record SipConfig(
        String bindAddress,
        int port,
        int stackThreads,
        int relayPortMin,
        int relayPortMax,
        int relayThreads,
        String codec,
        String loginExtension,
        boolean notifyAgents,
        long abandonMessageMillis,
        List<TrunkConfig> trunks,
        List<AgentConfig> agents,
        PromptAudio abandonPrompt,
        String advertisedAddress,
        String rtpAdvertisedAddress,
        SessionSettings sessions) {

    /** Validates the settings; the message names the field at fault. */
    public SipConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("sip.bindAddress: missing");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("sip.port: must be within 0..65535, was " + port);
        }
        if (stackThreads < 1) {
            throw new IllegalArgumentException("sip.stackThreads: must be at least 1, was " + stackThreads);
        }
        if (relayPortMin < 1024 || relayPortMax > 65535 || relayPortMax - relayPortMin < 3) {
            throw new IllegalArgumentException("sip.rtp.portMin/portMax: need a range of at least 4 ports within 1024..65535");
        }
        if (relayThreads < 1) {
            throw new IllegalArgumentException("sip.rtp.threads: must be at least 1, was " + relayThreads);
        }
        if (!"PCMU".equals(codec) && !"PCMA".equals(codec)) {
            throw new IllegalArgumentException("sip.codec: PCMU or PCMA, was " + codec);
        }
        if (trunks == null || trunks.isEmpty()) {
            throw new IllegalArgumentException("sip.trunks: at least one trunk is needed");
        }
        trunks = List.copyOf(trunks);
        sessions = sessions == null ? SessionSettings.DEFAULTS : sessions;
        agents = agents == null ? List.of() : List.copyOf(agents);
        if (loginExtension == null || loginExtension.isBlank()) {
            loginExtension = "login";
        }
        advertisedAddress = checkedAddress("sip.advertisedAddress", advertisedAddress);
        rtpAdvertisedAddress = checkedAddress("sip.rtp.advertisedAddress", rtpAdvertisedAddress);
        if (abandonPrompt != null && abandonPrompt.payloadType() != ("PCMU".equals(codec) ? 0 : 8)) {
            throw new IllegalArgumentException("sip.abandonMessageFile: " + abandonPrompt.file()
                    + ": encoded for another codec than " + codec);
        }
    }

    /** Settings without a recorded prompt: abandoned customers hear the tone. */
    public SipConfig(String bindAddress, int port, int stackThreads, int relayPortMin, int relayPortMax,
                     int relayThreads, String codec, String loginExtension, boolean notifyAgents,
                     long abandonMessageMillis, List<TrunkConfig> trunks, List<AgentConfig> agents) {
        this(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec, loginExtension,
                notifyAgents, abandonMessageMillis, trunks, agents, null, null, null,
                null);
    }

    /** A blank advertised address means none; one with a port or spaces is refused, since Via and SDP carry it bare. */
    private static String checkedAddress(String field, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.trim();
        if (a.contains(" ") || a.contains(":") && !a.contains("::") && a.indexOf(':') == a.lastIndexOf(':')) {
            throw new IllegalArgumentException(field + ": a host name or IP address without port, was '" + address + "'");
        }
        return a;
    }

    /** The host other peers must reach Pacer's SIP at: {@link #advertisedAddress} when set, else the bind address. */
    public String sipHost() {
        return advertisedAddress != null ? advertisedAddress : bindAddress;
    }

    /** The host put in SDP for the relay's ports: the RTP advertised address, else the SIP one, else the bind address. */
    public String mediaHost() {
        return rtpAdvertisedAddress != null ? rtpAdvertisedAddress : sipHost();
    }

    /** The RTP payload type of {@link #codec}: 0 for PCMU, 8 for PCMA. */
    public int payloadType() {
        return "PCMU".equals(codec) ? 0 : 8;
    }

    /** The trunk a campaign tries first: the head of {@link #trunksFor}. */
    public TrunkConfig trunkFor(int campaignId) {
        return trunksFor(campaignId).get(0);
    }

    /**
     * The trunks a campaign dials through, most preferred first (by {@link TrunkConfig#priority}, then the
     * configuration's order): the trunks that list the campaign, else the trunks that list none, else the first.
     */
    public List<TrunkConfig> trunksFor(int campaignId) {
        List<TrunkConfig> listed = new java.util.ArrayList<>();
        List<TrunkConfig> unlisted = new java.util.ArrayList<>();
        for (TrunkConfig t : trunks) {
            if (t.campaigns().contains(campaignId)) {
                listed.add(t);
            } else if (t.campaigns().isEmpty()) {
                unlisted.add(t);
            }
        }
        List<TrunkConfig> route = !listed.isEmpty() ? listed : !unlisted.isEmpty() ? unlisted : List.of(trunks.get(0));
        route = new java.util.ArrayList<>(route);
        route.sort(java.util.Comparator.comparingInt(TrunkConfig::priority));
        return List.copyOf(route);
    }

    /**
     * Every distinct route ({@link #trunksFor}) a campaign can have: one per set of campaigns the trunks list,
     * and the default route last. The SIP worker and the engine's thread index routes by this order.
     */
    public List<List<TrunkConfig>> routes() {
        List<List<TrunkConfig>> all = new java.util.ArrayList<>();
        for (TrunkConfig t : trunks) {
            for (int campaign : t.campaigns()) {
                List<TrunkConfig> r = trunksFor(campaign);
                if (!all.contains(r)) {
                    all.add(r);
                }
            }
        }
        List<TrunkConfig> fallback = trunksFor(Integer.MIN_VALUE);
        all.remove(fallback);
        all.add(fallback);
        return List.copyOf(all);
    }

    /** The index in {@link #routes} of the route of {@code campaignId}. */
    public int routeOf(int campaignId) {
        return routes().indexOf(trunksFor(campaignId));
    }

    /**
     * A carrier or PBX that Pacer sends calls to, and the only kind of peer from which it accepts requests
     * other than its own agents.
     *
     * @param name              name in logs and metrics
     * @param host              address of the trunk (also the only source address accepted from it)
     * @param port              SIP port of the trunk
     * @param transport         "udp" or "tcp"
     * @param proxyHost         outbound proxy to route through, or {@code null}
     * @param proxyPort         port of the outbound proxy
     * @param username          digest user for 401/407 challenges, or {@code null}
     * @param password          digest password
     * @param callerId          number presented when the campaign has none (From and P-Asserted-Identity)
     * @param maxChannels       cap on calls in progress on this trunk
     * @param maxCallsPerSecond cap on new calls per second on this trunk (excess dials wait, in order)
     * @param campaigns         campaigns routed to this trunk (empty: only as the default)
     * @param postDialLimitMillis how long a call may wait after its INVITE for a first 180/183 before it is
     *                          cancelled; at least {@link #MIN_POST_DIAL_LIMIT_MILLIS}, because a carrier that
     *                          sends no 180 may be ringing the phone all the same, and the ring time then counts
     *                          from the INVITE (see docs/sip.md, "Ring timing")
     * @param priority          among a campaign's trunks, lower is tried first (failover to the next level)
     * @param weight            share of new calls among a campaign's trunks of equal priority, at least 1
     * @param probe             OPTIONS probing of the trunk, or {@code null} for none (the trunk is always up)
     * @param agentHangUpPrompt played to the customer when the agent hangs up a bridged call, before the BYE, or
     *                          {@code null} to BYE at once
     */
    public record TrunkConfig(String name, String host, int port, String transport, String proxyHost, int proxyPort,
                              String username, String password, String callerId, int maxChannels,
                              int maxCallsPerSecond, List<Integer> campaigns, long postDialLimitMillis,
                              int priority, int weight, TrunkProbeSettings probe, PromptAudio agentHangUpPrompt) {

        /** The least ring time the rules allow (FCC 64.1200(a)(6)), and so the least post-dial limit. */
        public static final long MIN_POST_DIAL_LIMIT_MILLIS = 15_000;
        /** The post-dial limit when the configuration names none. */
        public static final long DEFAULT_POST_DIAL_LIMIT_MILLIS = 30_000;

        /** Validates the trunk; the message names the field at fault. */
        public TrunkConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("sip.trunks[].name: missing");
            }
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("sip.trunks[" + name + "].address: missing");
            }
            if (!"udp".equals(transport) && !"tcp".equals(transport)) {
                throw new IllegalArgumentException("sip.trunks[" + name + "].transport: udp or tcp, was " + transport);
            }
            if (maxChannels < 1 || maxCallsPerSecond < 1) {
                throw new IllegalArgumentException("sip.trunks[" + name + "]: maxChannels and maxCallsPerSecond must be at least 1");
            }
            campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
            if (postDialLimitMillis < MIN_POST_DIAL_LIMIT_MILLIS) {
                throw new IllegalArgumentException("sip.trunks[" + name + "].postDialLimitMillis: must be at least "
                        + MIN_POST_DIAL_LIMIT_MILLIS + " (the least ring time), was " + postDialLimitMillis);
            }
            if (weight < 1) {
                throw new IllegalArgumentException("sip.trunks[" + name + "].weight: must be at least 1, was " + weight);
            }
        }

        /** A trunk with the given post-dial limit, priority 1, weight 1, no probing and no hang-up message. */
        public TrunkConfig(String name, String host, int port, String transport, String proxyHost, int proxyPort,
                           String username, String password, String callerId, int maxChannels,
                           int maxCallsPerSecond, List<Integer> campaigns, long postDialLimitMillis) {
            this(name, host, port, transport, proxyHost, proxyPort, username, password, callerId, maxChannels,
                    maxCallsPerSecond, campaigns, postDialLimitMillis, 1, 1, null, null);
        }

        /** A copy at {@code newPriority} and {@code newWeight}, probed with {@code newProbe} ({@code null}: not). */
        public TrunkConfig withRouting(int newPriority, int newWeight, TrunkProbeSettings newProbe) {
            return new TrunkConfig(name, host, port, transport, proxyHost, proxyPort, username, password, callerId,
                    maxChannels, maxCallsPerSecond, campaigns, postDialLimitMillis, newPriority, newWeight, newProbe,
                    agentHangUpPrompt);
        }

        /** A copy that plays {@code prompt} to the customer when the agent hangs up ({@code null}: BYE at once). */
        public TrunkConfig withAgentHangUpPrompt(PromptAudio prompt) {
            return new TrunkConfig(name, host, port, transport, proxyHost, proxyPort, username, password, callerId,
                    maxChannels, maxCallsPerSecond, campaigns, postDialLimitMillis, priority, weight, probe, prompt);
        }

        /** A trunk with the default post-dial limit. */
        public TrunkConfig(String name, String host, int port, String transport, String proxyHost, int proxyPort,
                           String username, String password, String callerId, int maxChannels,
                           int maxCallsPerSecond, List<Integer> campaigns) {
            this(name, host, port, transport, proxyHost, proxyPort, username, password, callerId, maxChannels,
                    maxCallsPerSecond, campaigns, DEFAULT_POST_DIAL_LIMIT_MILLIS);
        }

        /** A trunk with no proxy, no credentials and generous caps: what tests and the demo use. */
        public static TrunkConfig simple(String name, String host, int port, String transport) {
            return new TrunkConfig(name, host, port, transport, null, 0, null, null, "pacer", 10_000, 10_000, List.of());
        }
    }

    /**
     * An agent whose phone may register (digest-authenticated) or sits at a fixed address, and whose session
     * Pacer keeps up as one long call.
     *
     * @param id          the engine's agent id
     * @param username    SIP user of the agent's phone (REGISTER and login From)
     * @param password    digest password for REGISTER
     * @param campaignId  campaign the agent works on when it logs in
     * @param fixedHost   fixed address of the phone, or {@code null} when it registers
     * @param fixedPort   port of the fixed address
     * @param autoConnect Pacer calls the phone as soon as it registers (or at start for a fixed address)
     */
    public record AgentConfig(int id, String username, String password, int campaignId, String fixedHost,
                              int fixedPort, boolean autoConnect) {

        /** Validates the agent; the message names the field at fault. */
        public AgentConfig {
            if (id < 0) {
                throw new IllegalArgumentException("sip.agents[].id: must not be negative, was " + id);
            }
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("sip.agents[" + id + "].username: missing");
            }
        }
    }

    /**
     * Defaults for a single-host deployment (the demo, tests): 127.0.0.1, relay from {@code relayPortMin}, PCMU,
     * and 1 s of shutdown grace, so that stopping the demo does not wait for its virtual calls to end.
     */
    public static SipConfig loopback(int port, int relayPortMin, List<TrunkConfig> trunks, List<AgentConfig> agents) {
        SessionSettings d = SessionSettings.DEFAULTS;
        return new SipConfig("127.0.0.1", port, 1, relayPortMin, relayPortMin + 3999, 1, "PCMU", "login", true,
                0, trunks, agents, null, null, null,
                new SessionSettings(d.agentKeepAliveMillis(), d.agentRtpTimeoutMillis(), d.minSessionExpiresSeconds(), 1_000));
    }

    /** A copy with other agents. */
    public SipConfig withAgents(List<AgentConfig> newAgents) {
        return new SipConfig(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec,
                loginExtension, notifyAgents, abandonMessageMillis, trunks, newAgents, abandonPrompt, advertisedAddress,
                rtpAdvertisedAddress, sessions);
    }

    /** A copy with the agent notifications switched on or off. */
    public SipConfig withNotifyAgents(boolean notify) {
        return new SipConfig(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec,
                loginExtension, notify, abandonMessageMillis, trunks, agents, abandonPrompt, advertisedAddress,
                rtpAdvertisedAddress, sessions);
    }

    /** A copy that plays {@code prompt} to abandoned customers ({@code null}: the tone). */
    public SipConfig withAbandonPrompt(PromptAudio prompt) {
        return new SipConfig(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec,
                loginExtension, notifyAgents, abandonMessageMillis, trunks, agents, prompt, advertisedAddress,
                rtpAdvertisedAddress, sessions);
    }

    /** A copy that advertises {@code sipAddress} for signalling and {@code rtpAddress} for media (either may be null). */
    public SipConfig withAdvertised(String sipAddress, String rtpAddress) {
        return new SipConfig(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec,
                loginExtension, notifyAgents, abandonMessageMillis, trunks, agents, abandonPrompt, sipAddress,
                rtpAddress, sessions);
    }

    /** A copy with other liveness checks, session timer floor and shutdown grace. */
    public SipConfig withSessions(SessionSettings newSessions) {
        return new SipConfig(bindAddress, port, stackThreads, relayPortMin, relayPortMax, relayThreads, codec,
                loginExtension, notifyAgents, abandonMessageMillis, trunks, agents, abandonPrompt, advertisedAddress,
                rtpAdvertisedAddress, newSessions);
    }
}
