package io.pacer.launcher;

import io.pacer.engine.campaign.CampaignStats;
import io.pacer.loopback.VirtualAgents;
import io.pacer.sip.media.RtpRelay;
import io.pacer.simulator.replay.ReplayExport;
import io.pacer.simulator.replay.ReplayFigures;
import io.pacer.simulator.replay.ReplayWorld;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One live replay: exports the world into a folder, starts its carrier (SIPp), Pacer ({@link ReplayFloor}) and
 * the agents' phones (Pacer's virtual SIP agents, wrapping up as the world drew), waits until every agent is logged
 * in, then measures the window: the agents' time from their phones ({@link AgentLedger}), dials, answers and
 * abandons from the campaign's counters, answer-to-bridge at the wire. The window's figures come back beside the
 * simulator's for the same window.
 */
public final class LiveReplay {
    private static final long LOGIN_WAIT_MILLIS = 30_000;
    private static final long PROGRESS_EVERY_MILLIS = 10_000;
    /** Past the trunk's post-dial limit (30 s) and a ring timeout: every call has had its chance to end. */
    private static final long WIND_DOWN_MILLIS = 50_000;

    /**
     * What a replay measured.
     *
     * @param carrierCalls SIPp's successful and failed calls, or null when it wrote no statistics
     * @param relayPackets Pacer's RTP relay over the whole run: packets received, forwarded to a bridged peer,
     *     and dropped as from an unexpected source (the customers' audio is what the virtual agents echo, so
     *     forwarded packets prove it flowed both ways)
     */
    public record Outcome(ReplayFigures simulated, ReplayFigures live, String firstViolation, long[] carrierCalls,
            long[] relayPackets, Path folder) {
    }

    private LiveReplay() {
    }

    /** Runs {@code world}, exported into {@code dir}, printing a progress line now and then to {@code progress}. */
    public static Outcome run(ReplayWorld world, Path dir, PrintStream progress) throws Exception {
        ReplayExport.write(world, dir);
        int agents = (int) world.compressed().agents().value(0);
        long windowMillis = world.compressed().shiftNanos() / 1_000_000L;
        AgentLedger ledger = new AgentLedger(Math.max(1, agents), wrapByNumber(dir.resolve("fates.csv")));
        try (SippCarrier carrier = SippCarrier.start(dir, windowMillis / 1000 + 120);
                ReplayFloor floor = ReplayFloor.start(world, agents, carrier.port(), dir);
                VirtualAgents phones = VirtualAgents.start(Math.max(1, agents), ledger, world.seed())) {
            phones.registerAll(floor.pacer().sip().sipPort());
            long deadline = System.currentTimeMillis() + LOGIN_WAIT_MILLIS;
            while (ledger.loggedIn() < agents && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (ledger.loggedIn() < agents) {
                throw new IllegalStateException("replay: only " + ledger.loggedIn() + " of " + agents
                        + " agents logged in within " + LOGIN_WAIT_MILLIS / 1000 + " s");
            }
            CampaignStats before = stats(floor);
            ledger.begin();
            watch(floor, ledger, windowMillis, progress);
            ledger.end();
            CampaignStats after = stats(floor);
            floor.pacer().control().setRunning(ReplayFloor.CAMPAIGN, false);
            checkWindDown(floor, ledger);
            Histogram bridge = floor.pacer().sip().answerToBridge().totalAnswerToBridge();
            long answers = after.answers() - before.answers();
            long abandons = after.abandons() - before.abandons();
            ReplayFigures live = new ReplayFigures(world.compressed().abandonTarget(),
                    answers == 0 ? 0 : (double) abandons / answers, ledger.occupancy(), ledger.utilization(),
                    ledger.agentWaitMeanSeconds(), ledger.connectsPerAgentHour(), after.dials() - before.dials(),
                    answers, ledger.connects(), abandons, percentileMillis(bridge, 50), percentileMillis(bridge, 99),
                    ledger.violations());
            RtpRelay relay = floor.pacer().sip().relay();
            long[] packets = {relay.packetsReceived(), relay.packetsForwarded(), relay.packetsUnexpected()};
            return new Outcome(ReplayFigures.simulated(world), live, ledger.firstViolation(), carrier.calls(), packets,
                    dir);
        }
    }

    private static void watch(ReplayFloor floor, AgentLedger ledger, long windowMillis, PrintStream progress)
            throws Exception {
        long start = System.currentTimeMillis();
        long end = start + windowMillis;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(PROGRESS_EVERY_MILLIS, Math.max(1, end - System.currentTimeMillis())));
            if (progress != null && System.currentTimeMillis() < end) {
                CampaignStats s = stats(floor);
                progress.printf("replay: %3.0f%% %4ds | agents on call %2d wrap %2d ready %2d | dials %5d answers %4d"
                                + " abandons %3d | occupancy %.3f%n",
                        100.0 * (System.currentTimeMillis() - start) / windowMillis,
                        (System.currentTimeMillis() - start) / 1000, s.agentsOnCall(), s.agentsWrapUp(),
                        s.agentsReady(), s.dials(), s.answers(), s.abandons(), ledger.occupancy());
                progress.flush();
            }
        }
    }

    /**
     * Once dialling stops, every call must end (ringing ones cancelled, talks finished) and every answered call
     * must have been either bridged or abandoned: the engine's invariants, seen from outside.
     */
    private static void checkWindDown(ReplayFloor floor, AgentLedger ledger) throws Exception {
        long deadline = System.currentTimeMillis() + WIND_DOWN_MILLIS;
        CampaignStats s = stats(floor);
        while (callsUp(s) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            s = stats(floor);
        }
        floor.pacer().control().awaitEventsHandled(5_000);
        s = stats(floor);
        if (s.callsRinging() + s.callsWaitingForAgent() > 0) {
            ledger.violation("calls still up " + WIND_DOWN_MILLIS / 1000 + " s after dialling stopped: " + s);
        }
        if (s.answers() != s.connects() + s.abandons()) {
            ledger.violation("answered calls neither bridged nor abandoned: " + s.answers() + " answers, "
                    + s.connects() + " connects, " + s.abandons() + " abandons");
        }
    }

    private static int callsUp(CampaignStats s) {
        return s.callsRinging() + s.callsWaitingForAgent();
    }

    private static CampaignStats stats(ReplayFloor floor) throws Exception {
        return floor.pacer().ring().query(core -> core.stats(ReplayFloor.CAMPAIGN)).get(5, TimeUnit.SECONDS);
    }

    private static double percentileMillis(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1e6;
    }

    /** Each number's wrap-up from the exported fates file (digits;kind;delay;talk;early;wrap). */
    static Map<String, Long> wrapByNumber(Path fates) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(fates)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(";");
                if (f.length >= 6 && !line.startsWith("#")) {
                    out.put(f[0], Long.parseLong(f[5]));
                }
            }
        }
        return out;
    }
}
