package io.pacer.sip.media;

import static io.pacer.sip.media.WavFiles.pcm16;
import static io.pacer.sip.media.WavFiles.wav;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded prompt is checked when it is loaded, encoded in the relay's codec and played in 20 ms frames. */
class PromptAudioTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void linearPcmIsEncodedInTheCodecsLawAndCutIntoFramesPaddedWithSilence() throws Exception {
        short[] samples = new short[400];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i * 50 - 10_000);
        }
        Path f = file("pcm.wav", wav(1, 1, 8000, 16, pcm16(samples)));
        PromptAudio ulaw = PromptAudio.load(f, "PCMU");
        PromptAudio alaw = PromptAudio.load(f, "PCMA");
        assertEquals(3, ulaw.frames());
        assertEquals(60, ulaw.millis());
        assertEquals(0, ulaw.payloadType());
        assertEquals(8, alaw.payloadType());
        assertEquals(G711.linearToUlaw(samples[0]), ulaw.frame(0)[0]);
        assertEquals(G711.linearToAlaw(samples[161]), alaw.frame(1)[1]);
        assertEquals(G711.linearToUlaw(0), ulaw.frame(2)[159], "the last frame is filled up with silence");
    }

    @Test
    void g711FilesPlayAsTheyAreInTheirOwnLawAndAreConvertedToTheOther() throws Exception {
        byte[] codes = new byte[160];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = G711.linearToUlaw(i * 100 - 8000);
        }
        Path f = file("ulaw.wav", wav(7, 1, 8000, 8, codes));
        assertArrayEquals(codes, PromptAudio.load(f, "PCMU").frame(0));
        byte[] alaw = PromptAudio.load(f, "PCMA").frame(0);
        for (int i = 0; i < codes.length; i++) {
            assertEquals(G711.linearToAlaw(G711.ulawToLinear(codes[i])), alaw[i]);
        }
    }

    @Test
    void unusableFilesAreRefusedNamingTheFileAndTheProblem() throws Exception {
        assertProblem(dir.resolve("absent.wav"), "no such file");
        assertProblem(file("text.wav", "just some text, no audio".getBytes()), "not a WAV file");
        assertProblem(file("wide.wav", wav(1, 1, 16000, 16, pcm16((short) 1))), "sample rate 16000 Hz, needs 8000 Hz");
        assertProblem(file("stereo.wav", wav(1, 2, 8000, 16, pcm16((short) 1, (short) 2))), "2 channels, needs mono");
        assertProblem(file("float.wav", wav(3, 1, 8000, 32, new byte[8])), "WAV format 3 with 32 bits");
        assertProblem(file("empty.wav", wav(1, 1, 8000, 16, new byte[0])), "no audio");
    }

    private static void assertProblem(Path f, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptAudio.load(f, "PCMU"));
        assertTrue(e.getMessage().startsWith("sip.abandonMessageFile: " + f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void relayPlaysEveryFrameToTheCustomerInRtpPackets() throws Exception {
        byte[] codes = new byte[3 * 160];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i % 251);
        }
        PromptAudio prompt = PromptAudio.load(file("prompt.wav", wav(7, 1, 8000, 8, codes)), "PCMU");
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (RtpRelay relay = new RtpRelay("127.0.0.1", 26500, 26599, 1, new AnswerToBridgeMeter());
             DatagramSocket customer = new DatagramSocket(0, lo)) {
            customer.setSoTimeout(1000);
            RelayPort port = relay.open();
            port.remote(new InetSocketAddress(lo, customer.getLocalPort()));
            port.playPrompt(prompt);
            byte[][] received = new byte[3][];
            for (int i = 0; i < received.length; i++) {
                DatagramPacket p = new DatagramPacket(new byte[512], 512);
                customer.receive(p);
                received[i] = Arrays.copyOf(p.getData(), p.getLength());
            }
            assertEquals(12 + 160, received[0].length);
            assertEquals(0, received[0][1], "payload type PCMU");
            assertArrayEquals(Arrays.copyOfRange(codes, 0, 160), Arrays.copyOfRange(received[0], 12, 172));
            assertArrayEquals(Arrays.copyOfRange(codes, 320, 480), Arrays.copyOfRange(received[2], 12, 172));
            customer.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> customer.receive(new DatagramPacket(new byte[512], 512)),
                    "the prompt has exactly as many packets as frames");
        }
    }
}
