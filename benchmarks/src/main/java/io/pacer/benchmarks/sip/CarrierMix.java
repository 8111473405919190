package io.pacer.benchmarks.sip;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.SipStats;
import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The mixed carrier run (docs/sip.md, "The mixed carrier run"; command in {@code benchmarks/carrier-mix.sh}): the
 * real engine dials a progressive campaign through Pacer's SIP adapter to a SIPp carrier that mixes answers with
 * session timers ({@code refresher=uac}, {@code Require: timer}), plain answers the carrier hangs up, early media,
 * busy, no answer and 503 bursts with Retry-After, with SIPp agents' phones echoing the audio. At the end it checks
 * every contact's record against what the carrier did with its number, every INVITE SIPp saw against the
 * journal, every timed session against Pacer's refreshes, and that nothing is left on a line; then writes the
 * report. Exit status 0 when every check holds.
 */
public final class CarrierMix {

    static final int CAMPAIGN = 1;

    private CarrierMix() {
    }

    /** {@code --seconds N --rate CPS --agents N --out FILE --sipp DIR}. */
    public static void main(String[] args) throws Exception {
        int seconds = 600;
        int rate = 3;
        int agents = 40;
        Path out = Path.of("benchmarks/results/carrier-mix.md");
        Path scenarios = Path.of("benchmarks/sipp");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--agents" -> agents = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--sipp" -> scenarios = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Result r = run(seconds, rate, agents, scenarios.toAbsolutePath(), Path.of("benchmarks/target/carrier-mix"));
        Files.writeString(out, CarrierMixReport.markdown(r));
        System.out.println(CarrierMixReport.markdown(r));
        System.exit(r.passed() ? 0 : 1);
    }

    /** Runs the mix for {@code seconds} of dialling at {@code rate} calls a second and checks it. */
    static Result run(int seconds, int rate, int agentCount, Path scenarios, Path logs) throws Exception {
        Files.createDirectories(logs);
        int carrierPort = SippProcess.freePort();
        int phonesPort = SippProcess.freePort();
        MixLedger ledger = new MixLedger();
        List<SipConfig.AgentConfig> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agents.add(new SipConfig.AgentConfig(i, "desk" + i, null, CAMPAIGN, "127.0.0.1", phonesPort, true));
        }
        SipConfig config = new SipConfig("127.0.0.1", SippProcess.freePort(), 1, 26000, 27999, 1, "PCMU", "login",
                false, 500, List.of(new SipConfig.TrunkConfig("carrier", "127.0.0.1", carrierPort, "udp", null, 0, null,
                        null, "+15550100", 500, rate, List.of())), agents)
                .withSessions(new SessionSettings(30_000, 0, 90, 5_000));
        Result r = new Result(seconds, rate, agentCount);
        try (SippProcess phones = phones(logs, scenarios, phonesPort, agentCount);
             SippProcess carrier = carrier(logs, scenarios, carrierPort)) {
            Thread.sleep(500);
            PacerSipServer pacer = new PacerSipServer(config);
            // The phones never press ready: the agents are made ready again the moment their customer leaves.
            ReadyOnEnd agentsReady = new ReadyOnEnd();
            EngineRing engine = new EngineRing(new EngineLimits(agentCount + 1, 1024, 4, 50), SystemClock.INSTANCE,
                    agentsReady, ledger, ledger, 4096);
            agentsReady.connect(pacer.telephony(), engine);
            try {
                engine.command(core -> core.upsertCampaign(new CampaignConfig(CAMPAIGN, "carrier mix",
                        DialMode.PROGRESSIVE, 1.0, 0.0, 0.03, 15_000, 2_000, 500, null)));
                pacer.start(agentsReady);
                awaitLogins(engine, agentCount);
                long start = System.nanoTime();
                ledger.open(true);
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                ledger.open(false);
                r.dialMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                r.drained = awaitQuiet(engine, pacer, 120);
                r.sippAlive = carrier.alive() && phones.alive();
                r.stats = pacer.stats();
                r.engine = engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS);
                r.refreshesSent = r.stats.refreshesSent();
                r.packetsForwarded = pacer.relay().packetsForwarded();
                r.answerToBridgeP99Micros = pacer.relay().meter().totalAnswerToBridge().getValueAtPercentile(99) / 1_000.0;
            } finally {
                pacer.close();
                engine.close();
            }
            // SIPp writes its statistics once a second: let the last calls' final line reach the file.
            Thread.sleep(2_500);
            Path csv = logs.resolve("mix-carrier-stat.csv");
            r.sippCalls = SippProcess.statColumn(csv, "IncomingCall(C)");
            r.sippSuccessful = SippProcess.statColumn(csv, "SuccessfulCall(C)");
            r.sippFailed = SippProcess.statColumn(csv, "FailedCall(C)");
        }
        r.check = ledger.check();
        return r;
    }

    /** The agents' phones: one SIPp answering every nailed-up call, echoing the audio, answering keep-alives. */
    private static SippProcess phones(Path logs, Path scenarios, int port, int agents) throws Exception {
        // A loaded, shared machine trips SIPp's 500 ms watchdog now and then; that must not end the run.
        return new SippProcess(logs, "mix-phones", List.of("-sf", scenarios.resolve("agent-mix.xml").toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", "19000", "-rtp_echo", "-aa",
                "-m", String.valueOf(agents), "-nostdin", "-watchdog_minor_maxtriggers", "1000000",
                "-watchdog_major_maxtriggers", "1000000", "-trace_err", "-error_file", "mix-phones-errors.log"));
    }

    /** The mixed carrier, with its statistics written once a second. */
    private static SippProcess carrier(Path logs, Path scenarios, int port) throws Exception {
        return new SippProcess(logs, "mix-carrier", List.of("-sf", scenarios.resolve("carrier-mix.xml").toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", "18000", "-nostdin",
                "-watchdog_minor_maxtriggers", "1000000", "-watchdog_major_maxtriggers", "1000000", "-trace_stat",
                "-stf", "mix-carrier-stat.csv", "-fd", "1", "-trace_err", "-error_file", "mix-carrier-errors.log"));
    }

    private static void awaitLogins(EngineRing engine, int agents) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS).agentsLoggedIn() < agents) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the agents' phones did not all come up");
            }
            Thread.sleep(100);
        }
    }

    /** Waits for every call to end (the timed sessions last about 42 s); false if some are still up. */
    private static boolean awaitQuiet(EngineRing engine, PacerSipServer pacer, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1_000L;
        while (System.currentTimeMillis() < deadline) {
            CampaignStats s = engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS);
            if (pacer.stats().callsInProgress() == 0 && s.callsRinging() == 0 && s.agentsOnCall() == 0
                    && s.callsWaitingForAgent() == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** What one run measured and checked. */
    static final class Result {
        final int seconds;
        final int rate;
        final int agents;
        long dialMillis;
        boolean drained;
        SipStats stats;
        CampaignStats engine;
        long refreshesSent;
        long packetsForwarded;
        double answerToBridgeP99Micros;
        long sippCalls;
        long sippSuccessful;
        long sippFailed;
        boolean sippAlive;
        MixLedger.Check check;

        Result(int seconds, int rate, int agents) {
            this.seconds = seconds;
            this.rate = rate;
            this.agents = agents;
        }

        /** The failed checks, each said in a sentence; empty when the run is clean. */
        List<String> failures() {
            List<String> f = new ArrayList<>(check.problems.stream().limit(20).toList());
            if (!sippAlive) {
                f.add("a SIPp process (carrier or phones) ended before the run did: the run says nothing");
            }
            if (!drained) {
                f.add("calls were still up two minutes after the dialling stopped");
            }
            if (sippCalls != check.records) {
                f.add("SIPp saw " + sippCalls + " INVITEs, the journal has " + check.records + " records");
            }
            if (check.takes - check.handedBack != check.records) {
                f.add((check.takes - check.handedBack) + " contacts taken and kept, " + check.records
                        + " records: a contact was lost or charged twice");
            }
            if (sippFailed != 0) {
                f.add("SIPp counted " + sippFailed + " failed calls (a missing refresh, BYE or CANCEL)");
            }
            if (refreshesSent != check.sessionCalls) {
                f.add(check.sessionCalls + " timed sessions, " + refreshesSent + " refreshes sent");
            }
            if (engine.abandons() != 0) {
                f.add(engine.abandons() + " answered calls were abandoned");
            }
            if (check.records == 0 || packetsForwarded == 0) {
                f.add("nothing was dialled or no audio crossed the relay");
            }
            return f;
        }

        boolean passed() {
            return failures().isEmpty();
        }
    }
}
