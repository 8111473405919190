package io.pacer.sip;

import io.pacer.detect.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a carrier plays on a call in the AMD end-to-end tests, built in Java (no audio tools needed) and written as
 * a pcap of RTP/PCMU packets, 20 ms apart, for SIPp's {@code play_pcap_audio}: a person's short answer, a
 * machine's greeting with its long two-tone beep, a SIT with its announcement, a busy tone.
 */
final class RecordedCall {
    private short[] samples = new short[0];

    /** Voiced speech stand-in: harmonics of a wavering pitch with a syllable-rate envelope. */
    RecordedCall speech(int millis, int amplitude) {
        int n = millis * 8;
        int start = grow(n);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double pitch = 110 + 25 * Math.sin(2 * Math.PI * 3 * i / 8000.0);
            phase += 2 * Math.PI * pitch / 8000.0;
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(h * phase) / h;
            }
            double envelope = 0.75 + 0.25 * Math.sin(2 * Math.PI * 4 * i / 8000.0);
            samples[start + i] = (short) Math.round(amplitude * 0.5 * v * envelope);
        }
        return this;
    }

    RecordedCall silence(int millis) {
        grow(millis * 8);
        return this;
    }

    RecordedCall tones(int millis, int amplitude, double... hz) {
        int n = millis * 8;
        int start = grow(n);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (double f : hz) {
                v += Math.sin(2 * Math.PI * f * i / 8000.0);
            }
            samples[start + i] = (short) Math.round(amplitude * v / hz.length);
        }
        return this;
    }

    /** A person: a pause, "Hello?", then an open, quiet line. */
    static RecordedCall person() {
        return new RecordedCall().silence(400).speech(600, 6000).silence(6000);
    }

    /**
     * A machine: six words of greeting (2.9 s), 400 ms of silence, a long beep of two tones (300 ms at 1400 Hz,
     * 1.5 s at 1 kHz), then silence.
     */
    static RecordedCall machine() {
        RecordedCall c = new RecordedCall().silence(300);
        for (int word = 0; word < 6; word++) {
            c.speech(400, 6000).silence(100);
        }
        return c.silence(400).tones(300, 8000, 1400).tones(1500, 8000, 1000).silence(8000);
    }

    /** Where {@link #machine()}'s beep starts, ms into the recording. */
    static final int MACHINE_BEEP_MILLIS = 300 + 6 * 500 + 400;
    /** Where {@link #machine()}'s beep ends. */
    static final int MACHINE_BEEP_END_MILLIS = MACHINE_BEEP_MILLIS + 300 + 1500;

    /** The SIT vacant code (985.2, 1370.6, 1776.7 Hz; 380, 274, 380 ms), then an announcement. */
    static RecordedCall vacantNumber() {
        return new RecordedCall().silence(200).tones(380, 6000, 985.2).tones(274, 6000, 1370.6)
                .tones(380, 6000, 1776.7).silence(300).speech(2000, 5000).silence(4000);
    }

    /** The international plan's busy tone (most of Europe), a single 425 Hz, 500 ms on and off. */
    static RecordedCall busy() {
        RecordedCall c = new RecordedCall();
        for (int i = 0; i < 8; i++) {
            c.tones(500, 6000, 425).silence(500);
        }
        return c;
    }

    /** Writes the recording as RTP/PCMU in a pcap (Ethernet, IPv4, UDP), one 160-byte packet per 20 ms. */
    Path writePcap(Path file) throws IOException {
        int packets = (samples.length + 159) / 160;
        int frame = 14 + 20 + 8 + 12 + 160;
        ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + frame));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1);
        for (int p = 0; p < packets; p++) {
            long micros = p * 20_000L;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame).putInt(frame);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            int ipStart = b.position();
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 12 + 160)).putShort((short) p).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1})
                    .put(new byte[] {127, 0, 0, 1});
            b.putShort(ipStart + 10, ipChecksum(b, ipStart));
            b.putShort((short) 6000).putShort((short) 6002).putShort((short) (8 + 12 + 160)).putShort((short) 0);
            b.put((byte) 0x80).put((byte) 0).putShort((short) p).putInt(p * 160).putInt(0x5e1d);
            for (int i = 0; i < 160; i++) {
                int s = p * 160 + i;
                b.put(G711.linearToUlaw(s < samples.length ? samples[s] : 0));
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
        return file;
    }

    private static short ipChecksum(ByteBuffer b, int start) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(start + i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private int grow(int n) {
        int start = samples.length;
        samples = Arrays.copyOf(samples, start + n);
        return start;
    }
}
