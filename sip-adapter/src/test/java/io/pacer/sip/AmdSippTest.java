package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answering-machine and call-progress detection end to end: the real engine on its ring, Pacer's SIP adapter and
 * relay, SIPp carriers that play recordings as RTP (a person, a machine with a long beep, a SIT, the 425 Hz busy
 * tone as early media)
 * and a SIPp agent phone. Pacer must book each right, bridge only the person, drop the message after the beep and
 * never bridge a tone.
 */
class AmdSippTest {

    private static final int PERSON = 1;
    private static final int MACHINE = 2;
    private static final int VACANT = 3;
    private static final int BUSY = 4;
    /** An agent with no phone, logged in to the campaigns whose calls must never reach an agent. */
    private static final int PHANTOM_AGENT = 5;
    private static final Path AUDIO = Path.of("target/amd-calls").toAbsolutePath();
    private static final long MESSAGE_MILLIS = 1_000;

    private static final int[] carrierPorts = new int[5];
    private static final Contacts contacts = new Contacts();
    private static final LinkedBlockingQueue<CallRecord> journal = new LinkedBlockingQueue<>();
    private static PacerSipServer pacer;
    private static EngineRing engine;
    private static Sipp agentPhone;

    @BeforeAll
    static void start() throws Exception {
        Sipp.binary();
        List<SipConfig.TrunkConfig> trunks = new java.util.ArrayList<>();
        for (int campaign = PERSON; campaign <= BUSY; campaign++) {
            carrierPorts[campaign] = Sipp.freePort();
            trunks.add(new SipConfig.TrunkConfig("carrier" + campaign, "127.0.0.1", carrierPorts[campaign], "udp", null,
                    0, null, null, "+15550100", 10, 100, List.of(campaign)));
        }
        SipConfig config = new SipConfig("127.0.0.1", Sipp.freePort(), 1, 25000, 25999, 1, "PCMU", "login", false,
                MESSAGE_MILLIS, trunks, List.of(new SipConfig.AgentConfig(1, "agent1", "agent-secret", PERSON, null, 0, true)));
        pacer = new PacerSipServer(config);
        engine = new EngineRing(new EngineLimits(16, 256, 8, 50), SystemClock.INSTANCE, pacer.telephony(), contacts,
                journal(), 1024);
        for (int campaign = PERSON; campaign <= BUSY; campaign++) {
            CampaignConfig c = new CampaignConfig(campaign, "amd " + campaign, DialMode.PROGRESSIVE, 1.0, 0.0, 0.03,
                    15_000, 8_000, 10, null).withAmd(settings(campaign == MACHINE ? "MESSAGE_DROP" : "HANG_UP"));
            engine.command(core -> core.upsertCampaign(c));
        }
        pacer.start(engine);
        int agentPort = Sipp.freePort();
        agentPhone = Sipp.uas("agent-answer.xml", agentPort, Sipp.freeMediaPort(), 1, "-rtp_echo");
        try (Sipp register = Sipp.uac("agent-register.xml", "127.0.0.1:" + pacer.sipPort(), Sipp.freePort(), 1,
                "-s", "agent1", "-au", "agent1", "-ap", "agent-secret", "-set", "contactport", String.valueOf(agentPort))) {
            assertEquals(0, register.awaitExit(20_000), register.output());
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (agentState(1) != AgentState.READY && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(AgentState.READY, agentState(1), "the agent's session did not come up");
    }

    private static AmdSettings settings(String machineAction) {
        AmdSettings p = AmdSettings.preset(true, "cautious");
        return new AmdSettings(true, "cautious", p.initialSilenceMillis(), p.greetingMillis(),
                p.afterGreetingSilenceMillis(), p.totalAnalysisMillis(), p.minWordLengthMillis(),
                p.betweenWordsSilenceMillis(), p.maxWords(), p.silenceThreshold(), p.maxWordLengthMillis(),
                machineAction, "AGENT", p.falsePositiveRate());
    }

    private static AgentState agentState(int agent) throws Exception {
        return engine.query(core -> core.agentState(agent)).get(5, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pacer != null) {
            pacer.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (agentPhone != null) {
            agentPhone.close();
        }
    }

    @Test
    void aPersonIsHeardAndBridgedToTheAgent() throws Exception {
        try (Sipp carrier = carrier(PERSON, "carrier-amd-answer.xml", RecordedCall.person())) {
            long bridgesBefore = pacer.stats().bridges();
            contacts.add(PERSON, 100);
            long deadline = System.currentTimeMillis() + 15_000;
            while (pacer.stats().bridges() == bridgesBefore && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(bridgesBefore + 1, pacer.stats().bridges(), "the person was not bridged");
            assertEquals(AgentState.ON_CALL, agentState(1));
            engine.agentHangUp(1);
            CallRecord r = nextRecord();
            assertEquals(CallOutcome.CONNECTED, r.outcome);
            assertEquals(AmdVerdict.HUMAN, r.amdVerdict);
            assertEquals(AmdAction.AGENT, r.amdAction);
            // 400 ms of silence, 600 ms of "Hello?", 800 ms of silence after it.
            assertTrue(r.amdDecisionMillis >= 1_700 && r.amdDecisionMillis <= 2_300, "decided at " + r.amdDecisionMillis);
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
    }

    @Test
    void aMachineGetsTheMessageAfterItsBeepAndNeverAnAgent() throws Exception {
        engine.agentLogin(PHANTOM_AGENT, MACHINE);
        long dropsBefore = pacer.stats().messageDrops();
        try (Sipp carrier = carrier(MACHINE, "carrier-amd-answer.xml", RecordedCall.machine())) {
            long started = System.nanoTime();
            contacts.add(MACHINE, 200);
            CallRecord r = nextRecord();
            assertEquals(CallOutcome.MACHINE, r.outcome);
            assertEquals(AmdVerdict.MACHINE, r.amdVerdict);
            assertEquals(AmdAction.MESSAGE_DROP, r.amdAction);
            assertTrue(r.amdDecisionMillis < RecordedCall.MACHINE_BEEP_MILLIS, "decided at " + r.amdDecisionMillis);
            assertEquals(0, carrier.awaitExit(20_000), carrier.output());
            long byeMillis = (System.nanoTime() - started) / 1_000_000;
            // The BYE came after the beep had ENDED (1.8 s after it started: a message started at its onset, or
            // 600 ms after it, would have ended 1.2 s sooner) and the message had played; and not long after that
            // (the dial, the answer and the 200 ms that tell the beep is over).
            assertTrue(byeMillis >= RecordedCall.MACHINE_BEEP_END_MILLIS + MESSAGE_MILLIS, "BYE after " + byeMillis + " ms");
            assertTrue(byeMillis <= RecordedCall.MACHINE_BEEP_END_MILLIS + MESSAGE_MILLIS + 3_000, "BYE after " + byeMillis
                    + " ms");
            assertEquals(dropsBefore + 1, pacer.stats().messageDrops());
        } finally {
            engine.agentLogout(PHANTOM_AGENT);
        }
    }

    @Test
    void aVacantNumbersSitAfterTheAnswerIsBookedInvalidAndHungUp() throws Exception {
        engine.agentLogin(PHANTOM_AGENT, VACANT);
        long bridgesBefore = pacer.stats().bridges();
        try (Sipp carrier = carrier(VACANT, "carrier-amd-answer.xml", RecordedCall.vacantNumber())) {
            contacts.add(VACANT, 300);
            CallRecord r = nextRecord();
            assertEquals(CallOutcome.INVALID_NUMBER, r.outcome);
            assertEquals(AmdVerdict.SIT_VACANT, r.amdVerdict);
            assertEquals(AmdAction.HANG_UP, r.amdAction);
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
            assertEquals(bridgesBefore, pacer.stats().bridges(), "a SIT was bridged");
        } finally {
            engine.agentLogout(PHANTOM_AGENT);
        }
    }

    @Test
    void europeanBusyPlayedAsEarlyMediaIsBookedBusyAndCancelled() throws Exception {
        engine.agentLogin(PHANTOM_AGENT, BUSY);
        try (Sipp carrier = carrier(BUSY, "carrier-amd-early.xml", RecordedCall.busy())) {
            contacts.add(BUSY, 400);
            CallRecord r = nextRecord();
            assertEquals(CallOutcome.BUSY, r.outcome);
            assertEquals(AmdVerdict.BUSY, r.amdVerdict);
            assertEquals(-1, r.answerNanos, "never answered");
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        } finally {
            engine.agentLogout(PHANTOM_AGENT);
        }
    }

    private static CallRecord nextRecord() throws InterruptedException {
        CallRecord r = journal.poll(20, TimeUnit.SECONDS);
        assertNotNull(r, "no call was recorded");
        return r;
    }

    /** A SIPp carrier for one call that plays {@code audio}, written as a pcap for it. */
    private static Sipp carrier(int campaign, String scenario, RecordedCall audio) throws Exception {
        Path pcap = audio.writePcap(AUDIO.resolve("campaign-" + campaign + ".pcap"));
        String xml = Files.readString(Sipp.SCENARIOS.resolve(scenario)).replace("\"PCAP\"", "\"" + pcap + "\"");
        Path written = Files.writeString(AUDIO.resolve(scenario.replace(".xml", "-" + campaign + ".xml")), xml);
        int port = carrierPorts[campaign];
        Sipp sipp = Sipp.uas(written.toString(), port, Sipp.freeMediaPort(), 1);
        return sipp.awaitListening(port);
    }

    private static CallJournal journal() {
        return r -> {
            CallRecord copy = new CallRecord();
            copy.callId = r.callId;
            copy.campaignId = r.campaignId;
            copy.contactId = r.contactId;
            copy.outcome = r.outcome;
            copy.answerNanos = r.answerNanos;
            copy.amdVerdict = r.amdVerdict;
            copy.amdCause = r.amdCause;
            copy.amdDecisionMillis = r.amdDecisionMillis;
            copy.amdAction = r.amdAction;
            journal.add(copy);
        };
    }

    /** One contact at a time per campaign, given when the test adds it. */
    private static final class Contacts implements ContactSupply {
        private final ConcurrentHashMap<Integer, ConcurrentLinkedQueue<Long>> due = new ConcurrentHashMap<>();

        void add(int campaign, long contactId) {
            due.computeIfAbsent(campaign, c -> new ConcurrentLinkedQueue<>()).add(contactId);
            engine.command(core -> core.setRunning(campaign, true));
        }

        @Override
        public boolean next(int campaignId, long epochMillis, ContactSlot out) {
            ConcurrentLinkedQueue<Long> list = due.get(campaignId);
            Long id = list == null ? null : list.poll();
            if (id == null) {
                return false;
            }
            out.contactId = id;
            out.number = "+1555" + id;
            return true;
        }

        @Override
        public void giveBack(int campaignId, long contactId) {
            due.get(campaignId).add(contactId);
        }
    }
}
