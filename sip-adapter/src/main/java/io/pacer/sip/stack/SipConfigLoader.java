package io.pacer.sip.stack;

import io.pacer.sip.media.PromptAudio;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the {@code sip:} section of Pacer's YAML configuration file into a {@link SipConfig}. The format is
 * documented with a complete example in {@code docs/operations.md}, section "SIP". Unknown keys are refused,
 * so that a misspelt setting is an error at start rather than a silent default.
 */
public final class SipConfigLoader {

    private SipConfigLoader() {
    }

    /** Loads the {@code sip:} section of a YAML file. */
    public static SipConfig load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(root instanceof Map<?, ?> top) || !(top.get("sip") instanceof Map<?, ?> sip)) {
                throw new IllegalArgumentException(file + ": no 'sip:' section");
            }
            Path dir = file.toAbsolutePath().getParent();
            return fromMap(sip, dir);
        }
    }

    /** Builds the configuration from the parsed {@code sip:} map; relative file names are from the working directory. */
    public static SipConfig fromMap(Map<?, ?> sip) {
        return fromMap(sip, Path.of(""));
    }

    /**
     * Builds the configuration from the parsed {@code sip:} map; relative file names (the abandon prompt) are
     * resolved from {@code dir}, the configuration file's directory. The prompt is read and checked here.
     */
    public static SipConfig fromMap(Map<?, ?> sip, Path dir) {
        allowOnly("sip", sip, "bindAddress", "port", "stackThreads", "codec", "loginExtension", "notifyAgents",
                "abandonMessageMillis", "abandonMessageFile", "rtp", "trunks", "agents",
                "advertisedAddress", "sessions");
        Map<?, ?> rtp = sip.get("rtp") instanceof Map<?, ?> m ? m : Map.of();
        allowOnly("sip.rtp", rtp, "portMin", "portMax", "threads",
                "advertisedAddress");
        List<SipConfig.TrunkConfig> trunks = new ArrayList<>();
        String codec = str(sip, "codec", "PCMU");
        for (Object o : list(sip.get("trunks"))) {
            trunks.add(trunk((Map<?, ?>) o, dir, codec));
        }
        List<SipConfig.AgentConfig> agents = new ArrayList<>();
        for (Object o : list(sip.get("agents"))) {
            agents.add(agent((Map<?, ?>) o));
        }
        String promptFile = str(sip, "abandonMessageFile", null);
        PromptAudio prompt = prompt(promptFile, dir, codec);
        return new SipConfig(
                str(sip, "bindAddress", "127.0.0.1"),
                num(sip, "port", 5060),
                num(sip, "stackThreads", 1),
                num(rtp, "portMin", 20000),
                num(rtp, "portMax", 29999),
                num(rtp, "threads", 1),
                codec,
                str(sip, "loginExtension", "login"),
                bool(sip, "notifyAgents", true),
                num(sip, "abandonMessageMillis", 0),
                trunks, agents, prompt,
                str(sip, "advertisedAddress", null),
                str(rtp, "advertisedAddress", null),
                sessions(sip.get("sessions") instanceof Map<?, ?> m ? m : Map.of()));
    }

    private static SessionSettings sessions(Map<?, ?> s) {
        allowOnly("sip.sessions", s, "agentKeepAliveMillis", "agentRtpTimeoutMillis", "minSessionExpiresSeconds",
                "shutdownGraceMillis");
        SessionSettings d = SessionSettings.DEFAULTS;
        return new SessionSettings(num(s, "agentKeepAliveMillis", (int) d.agentKeepAliveMillis()),
                num(s, "agentRtpTimeoutMillis", (int) d.agentRtpTimeoutMillis()),
                num(s, "minSessionExpiresSeconds", d.minSessionExpiresSeconds()),
                num(s, "shutdownGraceMillis", (int) d.shutdownGraceMillis()));
    }

    private static SipConfig.TrunkConfig trunk(Map<?, ?> t, Path dir, String codec) {
        allowOnly("sip.trunks[]", t, "name", "address", "transport", "outboundProxy", "username", "password",
                "callerId", "maxChannels", "maxCallsPerSecond", "campaigns", "postDialLimitMillis",
                "priority", "weight", "probe", "agentHangUpMessageFile");
        String[] address = hostPort(str(t, "address", null), 5060);
        String proxy = str(t, "outboundProxy", null);
        String[] proxyAddress = proxy == null ? new String[] {null, "0"} : hostPort(proxy, 5060);
        List<Integer> campaigns = new ArrayList<>();
        for (Object c : list(t.get("campaigns"))) {
            campaigns.add(((Number) c).intValue());
        }
        return new SipConfig.TrunkConfig(str(t, "name", null), address[0], Integer.parseInt(address[1]),
                str(t, "transport", "udp").toLowerCase(), proxyAddress[0], Integer.parseInt(proxyAddress[1]),
                str(t, "username", null), str(t, "password", null), str(t, "callerId", "anonymous"),
                num(t, "maxChannels", 100), num(t, "maxCallsPerSecond", 10), campaigns,
                num(t, "postDialLimitMillis", (int) SipConfig.TrunkConfig.DEFAULT_POST_DIAL_LIMIT_MILLIS),
                num(t, "priority", 1), num(t, "weight", 1), probe(t.get("probe")),
                prompt(str(t, "agentHangUpMessageFile", null), dir, codec));
    }

    /** {@code probe: true} for the defaults, or a map of them; absent or {@code false}: no probing. */
    private static TrunkProbeSettings probe(Object p) {
        if (p == null || Boolean.FALSE.equals(p)) {
            return null;
        }
        if (Boolean.TRUE.equals(p)) {
            return TrunkProbeSettings.DEFAULTS;
        }
        if (!(p instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("sip.trunks[].probe: true, false or a map of settings, was " + p);
        }
        allowOnly("sip.trunks[].probe", m, "intervalMillis", "downAfter", "upAfter");
        TrunkProbeSettings d = TrunkProbeSettings.DEFAULTS;
        return new TrunkProbeSettings(num(m, "intervalMillis", (int) d.intervalMillis()), num(m, "downAfter", d.downAfter()),
                num(m, "upAfter", d.upAfter()));
    }

    private static PromptAudio prompt(String file, Path dir, String codec) {
        return file == null ? null : PromptAudio.load(dir.resolve(file), codec);
    }

    private static SipConfig.AgentConfig agent(Map<?, ?> a) {
        allowOnly("sip.agents[]", a, "id", "username", "password", "campaign", "address", "autoConnect");
        String address = str(a, "address", null);
        String[] fixed = address == null ? new String[] {null, "0"} : hostPort(address, 5060);
        return new SipConfig.AgentConfig(num(a, "id", -1), str(a, "username", null), str(a, "password", null),
                num(a, "campaign", 1), fixed[0], Integer.parseInt(fixed[1]), bool(a, "autoConnect", true));
    }

    private static void allowOnly(String where, Map<?, ?> map, String... keys) {
        for (Object k : map.keySet()) {
            if (!List.of(keys).contains(String.valueOf(k))) {
                throw new IllegalArgumentException(where + "." + k + ": unknown setting (known: " + List.of(keys) + ")");
            }
        }
    }

    private static String[] hostPort(String value, int defaultPort) {
        if (value == null) {
            return new String[] {null, String.valueOf(defaultPort)};
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? new String[] {value, String.valueOf(defaultPort)}
                : new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Map<?, ?> m, String key, String dflt) {
        Object v = m.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    private static int num(Map<?, ?> m, String key, int dflt) {
        Object v = m.get(key);
        return v == null ? dflt : ((Number) v).intValue();
    }

    private static boolean bool(Map<?, ?> m, String key, boolean dflt) {
        Object v = m.get(key);
        return v == null ? dflt : (Boolean) v;
    }
}
