package io.pacer.launcher;

import io.pacer.sip.stack.SipConfig;
import io.pacer.store.TestDatabases;
import java.util.List;

/**
 * The smallest real floor for an end-to-end test: Pacer as the composition root builds it (SQLite storage, API
 * with the token {@code admin-token}, core, SIP adapter on loopback) with one trunk to a SIPp carrier and one
 * agent, user 2 (the first user made after the administrator), whose SIPp phone sits at a fixed address.
 */
final class OnePhonePacer {

    /** The SIP agent's engine id: the first user the test makes after the administrator. */
    static final int AGENT = 2;

    private OnePhonePacer() {
    }

    /** Starts Pacer between {@code carrier} and {@code phone}, its relay ports from {@code relayPortMin}. */
    static Pacer start(SippPeer carrier, SippPeer phone, int relayPortMin, String engineName) throws Exception {
        return start(carrier, phone, relayPortMin, engineName, null);
    }

    /** As above, with the agents' sessions watched as {@code sessions} says ({@code null}: the loopback defaults). */
    static Pacer start(SippPeer carrier, SippPeer phone, int relayPortMin, String engineName,
            io.pacer.sip.stack.SessionSettings sessions) throws Exception {
        SipConfig loopback = SipConfig.loopback(LoopbackPorts.signalling(), relayPortMin,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrier.port, "udp")),
                List.of(new SipConfig.AgentConfig(AGENT, "desk2", null, 1, "127.0.0.1", phone.port, false)));
        SipConfig sip = sessions == null ? loopback : loopback.withSessions(sessions);
        return Pacer.builder().sip(sip)
                .store(new Pacer.StoreSettings(TestDatabases.sqliteUrl(), null, null, engineName, null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start();
    }
}
