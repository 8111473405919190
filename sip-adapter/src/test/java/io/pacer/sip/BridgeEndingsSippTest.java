package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.pacing.DialMode;
import io.pacer.sip.media.PromptAudio;
import io.pacer.sip.media.WavFiles;
import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How a bridged call ends when the agent's side ends it, end to end: the real engine on its ring, Pacer's SIP
 * adapter, a SIPp carrier and a SIPp agent phone. A phone found dead leaves its customer abandoned in the record
 * and in the regulator's window; an agent's BYE on a trunk with a hang-up message plays it to the customer (whose
 * media the test receives itself) before the customer's BYE.
 */
class BridgeEndingsSippTest {

    private static final int CAMPAIGN = 1;
    private static final int AGENT = 5;

    @Test
    void customerOfADeadPhoneIsRecordedAbandonedAndCountedInTheRegulatorsWindow() throws Exception {
        int phonePort = Sipp.freePort();
        int carrierPort = Sipp.freePort();
        ListSupply contacts = new ListSupply();
        RecordingJournal journal = new RecordingJournal();
        contacts.load(CAMPAIGN, 100, 1);
        // A phone that sends no media at all: after 1.5 s of silence on a bridge it is dead.
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             Sipp carrier = Sipp.uas("carrier-answer.xml", carrierPort, Sipp.freeMediaPort(), 1).awaitListening(carrierPort)) {
            SipConfig config = config(carrierPort, phonePort, SipConfig.TrunkConfig.simple("carrier", "127.0.0.1",
                    carrierPort, "udp")).withSessions(new SessionSettings(0, 1_500, 90, 0)).withNotifyAgents(false);
            try (World w = new World(config, contacts, journal)) {
                journal.await(CAMPAIGN, 1, 15_000);
                CallRecord r = journal.of(CAMPAIGN).get(0);
                assertEquals(CallOutcome.ABANDONED, r.outcome, journal.describe());
                assertTrue(r.bridgeNanos > 0, "the call was bridged before the phone was found dead");
                assertEquals(0, carrier.awaitExit(10_000), "the customer got no BYE:\n" + carrier.output());
                assertEquals(0, phone.awaitExit(10_000), "the dead phone's session was not ended:\n" + phone.output());
                CampaignStats stats = w.stats();
                assertEquals(1, stats.answers());
                assertEquals(1, stats.abandons(), "the abandon was not counted");
                assertEquals(1, stats.abandonment().windowAnswers(), "one answer in the window, not two");
                assertEquals(1, stats.abandonment().windowAbandons(), "the abandon is not in the regulator's window");
                assertEquals(0, stats.agentsLoggedIn(), "the dead phone's agent is still logged in");
                assertEquals(1, w.pacer.stats().deadAgentPhones());
            }
        }
    }

    @Test
    void agentByeOnATrunkWithAHangUpMessagePlaysItToTheCustomerThenHangsUp() throws Exception {
        int phonePort = Sipp.freePort();
        int carrierPort = Sipp.freePort();
        ListSupply contacts = new ListSupply();
        RecordingJournal journal = new RecordingJournal();
        contacts.load(CAMPAIGN, 200, 1);
        // 1 s of recorded message (a square wave), in the trunk's setting.
        short[] samples = new short[8_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((i / 10) % 2 == 0 ? 8_000 : -8_000);
        }
        Path wav = Files.createTempFile("goodbye", ".wav");
        Files.write(wav, WavFiles.wav(1, 1, 8_000, 16, WavFiles.pcm16(samples)));
        PromptAudio goodbye = PromptAudio.load(wav, "PCMU");
        try (DatagramSocket customerMedia = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp phone = Sipp.uas("agent-hangs-up.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             Sipp carrier = Sipp.uas("carrier-answer-listen.xml", carrierPort, Sipp.freeMediaPort(), 1,
                     "-set", "listen", String.valueOf(customerMedia.getLocalPort())).awaitListening(carrierPort)) {
            MediaCounter media = new MediaCounter(customerMedia);
            media.start();
            SipConfig config = config(carrierPort, phonePort, SipConfig.TrunkConfig.simple("carrier", "127.0.0.1",
                    carrierPort, "udp").withAgentHangUpPrompt(goodbye));
            try (World w = new World(config, contacts, journal)) {
                journal.await(CAMPAIGN, 1, 15_000);
                assertEquals(CallOutcome.CONNECTED, journal.of(CAMPAIGN).get(0).outcome, journal.describe());
                assertEquals(0, carrier.awaitExit(10_000), "the customer got no BYE:\n" + carrier.output());
                long byeNanos = System.nanoTime();
                media.join(2_000);
                assertTrue(media.packets.get() >= 45, "the customer heard " + media.packets.get()
                        + " packets of the 50 the 1 s message has");
                assertTrue(media.lastNanos.get() <= byeNanos, "media after the BYE");
                assertTrue(byeNanos - media.firstNanos.get() >= TimeUnit.MILLISECONDS.toNanos(900),
                        "the BYE came before the message had played");
                assertEquals(1, w.pacer.stats().agentHangUpMessages());
                assertEquals(1, w.pacer.stats().agentHangUps());
            } finally {
                Files.deleteIfExists(wav);
            }
        }
    }

    private static SipConfig config(int carrierPort, int phonePort, SipConfig.TrunkConfig trunk) throws Exception {
        return new SipConfig("127.0.0.1", Sipp.freePort(), 1, 24000, 24999, 1, "PCMU", "login", true, 500,
                List.of(trunk), List.of(new SipConfig.AgentConfig(AGENT, "desk5", null, CAMPAIGN, "127.0.0.1",
                        phonePort, true)));
    }

    /** Counts the RTP packets the customer receives, and when the first and last came. */
    private static final class MediaCounter extends Thread {
        final AtomicInteger packets = new AtomicInteger();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
        private final DatagramSocket socket;

        MediaCounter(DatagramSocket socket) {
            this.socket = socket;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[2048];
            try {
                socket.setSoTimeout(1_000);
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException quiet) {
                        if (packets.get() > 0) {
                            return;
                        }
                        continue;
                    }
                    long now = System.nanoTime();
                    if (packets.getAndIncrement() == 0) {
                        firstNanos.set(now);
                    }
                    lastNanos.set(now);
                }
            } catch (Exception closed) {
                // The test is over.
            }
        }
    }

    /** The real engine with one progressive campaign, and Pacer's SIP adapter in front of it. */
    static final class World implements AutoCloseable {
        final PacerSipServer pacer;
        final EngineRing engine;

        World(SipConfig config, ListSupply contacts, RecordingJournal journal) throws Exception {
            pacer = new PacerSipServer(config);
            engine = new EngineRing(new EngineLimits(16, 256, 4, 50), SystemClock.INSTANCE, pacer.telephony(),
                    contacts, journal, 1024);
            CampaignConfig campaign = new CampaignConfig(CAMPAIGN, "bridge endings", DialMode.PROGRESSIVE, 1.0, 0.0,
                    0.03, 15_000, 2_000, 100, null);
            engine.command(core -> core.upsertCampaign(campaign));
            // The fixed-address phone's session comes up at start and logs the agent in to the campaign.
            pacer.start(engine);
        }

        CampaignStats stats() throws Exception {
            return engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            pacer.close();
            engine.close();
        }
    }
}
