package io.pacer.launcher;

import io.pacer.loopback.LoopbackWorld;
import io.pacer.loopback.VirtualAgents;
import io.pacer.sip.stack.SipConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIP configuration that points Pacer at a {@link LoopbackWorld}: one UDP trunk to its virtual carrier, and
 * its virtual agents' accounts (registered with digest, nailed up as soon as they register). The world knows
 * nothing of Pacer's classes; this is where the two meet.
 */
final class LoopbackSipConfig {

    private LoopbackSipConfig() {
    }

    /** Pacer on any free SIP port of 127.0.0.1, relay ports from 30000, dialling {@code world}'s carrier. */
    static SipConfig of(LoopbackWorld world) {
        List<SipConfig.AgentConfig> agents = new ArrayList<>();
        for (int i = 0; i < world.settings().agents(); i++) {
            agents.add(new SipConfig.AgentConfig(i, VirtualAgents.user(i), VirtualAgents.password(i),
                    world.settings().campaignId(), null, 0, true));
        }
        return SipConfig.loopback(0, 30000,
                List.of(SipConfig.TrunkConfig.simple("virtual-carrier", "127.0.0.1", world.carrier().sipPort(), "udp")),
                agents);
    }
}
