package io.pacer.simulator.replay;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.simulator.scenario.Scenario;

/**
 * The {@code pacer.yaml} of an exported replay: {@code ./pacer run --config pacer.yaml} dials the exported carrier
 * with the scenario's campaign settings (predictive, its abandonment target, its ring timeout and connect limit,
 * compressed, but never under the rules' minimums) and takes the agents' phones.
 */
final class PacerConfig {
    private PacerConfig() {
    }

    static String yaml(ReplayWorld world, int carrierPort, int dialerPort) {
        Scenario s = world.compressed();
        int agents = (int) s.agents().max();
        StringBuilder b = new StringBuilder(1024 + agents * 96);
        b.append("# Pacer for the replay of ").append(world.original().name()).append(", seed ").append(world.seed())
                .append(", speed ").append(ReplayExport.fmt(world.speed())).append(" (see README.md)\n");
        b.append("sip:\n  bindAddress: 127.0.0.1\n  port: ").append(dialerPort).append('\n');
        b.append("  notifyAgents: true\n  rtp:\n    portMin: 20000\n    portMax: 29999\n");
        // At the end of a replay the calls in progress need not be let finish.
        b.append("  sessions:\n    shutdownGraceMillis: 2000\n");
        b.append("  trunks:\n    - name: replay-carrier\n      address: 127.0.0.1:").append(carrierPort).append('\n');
        b.append("      transport: udp\n      maxChannels: 10000\n      maxCallsPerSecond: 10000\n");
        b.append("  agents:\n");
        for (int i = 0; i < agents; i++) {
            b.append("    - {id: ").append(i).append(", username: ").append(agentUser(i)).append(", password: ")
                    .append(agentPassword(i)).append(", campaign: 1, autoConnect: true}\n");
        }
        b.append("campaigns:\n  - id: 1\n    name: replay-").append(world.original().name()).append('\n');
        b.append("    mode: PREDICTIVE\n    abandonTarget: ").append(s.abandonTarget()).append('\n');
        b.append("    ringTimeoutMillis: ").append(ringTimeoutMillis(s)).append('\n');
        b.append("    connectLimitMillis: ").append(connectLimitMillis(s)).append('\n');
        b.append("    maxChannels: ").append(Math.max(100, agents * 40)).append('\n');
        b.append("    contacts: contacts.txt\n");
        return b.toString();
    }

    /** The campaign's ring timeout: the compressed one, never under the legal 15 s. */
    static long ringTimeoutMillis(Scenario compressed) {
        return Math.max(CampaignConfig.MIN_RING_TIMEOUT_MILLIS, compressed.noAnswerTimeoutNanos() / 1_000_000L);
    }

    /** The campaign's connect limit: the compressed one, never under Pacer's least. */
    static long connectLimitMillis(Scenario compressed) {
        return Math.max(CampaignConfig.MIN_CONNECT_LIMIT_MILLIS, compressed.connectLimitNanos() / 1_000_000L);
    }

    /** SIP user of agent {@code i} (as Pacer's virtual agents name them). */
    static String agentUser(int i) {
        return "agent" + i;
    }

    /** Digest password of agent {@code i} (as Pacer's virtual agents have it). */
    static String agentPassword(int i) {
        return "pw-agent" + i;
    }
}
