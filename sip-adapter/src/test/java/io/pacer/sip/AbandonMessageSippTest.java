package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.media.PromptAudio;
import io.pacer.sip.media.WavFiles;
import io.pacer.sip.stack.SipConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safe-harbour message over real SIP (issue 12): an abandoned customer hears the campaign's own recorded
 * prompt, or the server's when the campaign has none, and the message starts within the regulators' 2 s of the
 * answer when the core abandons at the 1,750 ms connect limit the FCC and Ofcom regimes allow. The time from the
 * carrier's 200 OK to the message's first RTP packet is measured for every abandoned call.
 */
class AbandonMessageSippTest {
    private static final long CONNECT_LIMIT_MILLIS = 1_750;
    private static final long DEADLINE_MILLIS = 2_000;

    /** {@code millis} of a quiet 8 kHz tone as a 16-bit PCM WAV file. */
    private static Path wav(Path dir, String name, int millis) throws Exception {
        short[] samples = new short[millis * 8];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (2000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
        }
        Path file = dir.resolve(name);
        Files.write(file, WavFiles.wav(1, 1, 8000, 16, WavFiles.pcm16(samples)));
        return file;
    }

    @Test
    void eachCampaignsAbandonedCustomersHearItsOwnPromptStartingWithinTheDeadline(@TempDir Path dir) throws Exception {
        int calls = 20;
        PromptAudio server = PromptAudio.load(wav(dir, "server.wav", 2_400), "PCMU");
        PromptAudio campaignTwo = PromptAudio.load(wav(dir, "spring-sale.wav", 400), "PCMU");
        int carrierPort = Sipp.freePort();
        try (Sipp carrier = Sipp.uas("carrier-answer.xml", carrierPort, Sipp.freeMediaPort(), calls)
                .awaitListening(carrierPort);
             StandInCore core = new StandInCore(0, true, CONNECT_LIMIT_MILLIS)) {
            // No agent: every answered call waits out the connect limit and is abandoned.
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 26000,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrierPort, "udp")), List.of())
                    .withAbandonPrompt(server);
            PacerSipServer pacer = new PacerSipServer(config);
            pacer.prompts().use(2, campaignTwo);
            Map<Long, long[]> reported = new ConcurrentHashMap<>();
            pacer.prompts().reportTo((callId, campaignId, micros) -> reported.put(callId, new long[] {campaignId, micros}));
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                for (int i = 1; i <= calls; i++) {
                    pacer.telephony().dial(i, i % 2 == 0 ? 2 : 1, i, "+1555000" + i, null, 20_000);
                    Thread.sleep(50);
                }
                for (int i = 1; i <= calls; i++) {
                    assertNotNull(core.awaitEvent("ended ", 15_000), "call ended " + (i - 1) + " of " + calls);
                }
                assertEquals(0, carrier.awaitExit(10_000), carrier.output());
                for (int i = 1; i <= calls; i++) {
                    long heardMillis = (core.eventNanos("ended " + i) - core.eventNanos("answered " + i)) / 1_000_000;
                    if (i % 2 == 0) {
                        assertTrue(heardMillis >= CONNECT_LIMIT_MILLIS + 380 && heardMillis < CONNECT_LIMIT_MILLIS + 1_200,
                                "call " + i + " of campaign 2 should end after its own 400 ms prompt: " + heardMillis + " ms");
                    } else {
                        assertTrue(heardMillis >= CONNECT_LIMIT_MILLIS + 2_380,
                                "call " + i + " of campaign 1 should hear the server's 2.4 s prompt: " + heardMillis + " ms");
                    }
                }
                Histogram latency = pacer.answerToBridge().totalAnswerToMessage();
                System.out.printf("answer to message (ms) over %d abandoned calls: min %.1f, p50 %.1f, p99 %.1f, max %.1f%n",
                        latency.getTotalCount(), latency.getMinValue() / 1e6, latency.getValueAtPercentile(50) / 1e6,
                        latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
                assertEquals(calls, latency.getTotalCount(), "one message latency per abandoned call");
                assertTrue(latency.getMinValue() >= CONNECT_LIMIT_MILLIS * 1_000_000L,
                        "the message starts only once the connect limit has passed");
                assertTrue(latency.getMaxValue() < DEADLINE_MILLIS * 1_000_000L,
                        "every message starts within 2 s of the answer: max " + latency.getMaxValue() / 1e6 + " ms");
                // Each abandoned call's own figure reaches the journal's sink (its attempt record), under Ofcom's 2 s.
                assertEquals(calls, reported.size(), "one message latency reported per abandoned call: " + reported.keySet());
                for (int i = 1; i <= calls; i++) {
                    long[] r = reported.get((long) i);
                    assertNotNull(r, "call " + i + " reported its message latency");
                    assertEquals(i % 2 == 0 ? 2 : 1, r[0], "call " + i + "'s campaign");
                    assertTrue(r[1] >= CONNECT_LIMIT_MILLIS * 1_000 && r[1] < DEADLINE_MILLIS * 1_000,
                            "call " + i + "'s message began within Ofcom's 2 s of the answer: " + r[1] + " us");
                }
            } finally {
                pacer.close();
            }
        }
    }
}
