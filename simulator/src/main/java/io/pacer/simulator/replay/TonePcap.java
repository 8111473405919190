package io.pacer.simulator.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The customers' audio for the exported carrier: a pcap of RTP/PCMU packets, one 160-byte payload every 20 ms
 * (Ethernet, IPv4, UDP, as SIPp's {@code play_pcap_audio} reads it), of a quiet 400 Hz tone. SIPp replays it
 * from one thread per answered call and rewrites the addresses and ports to the call's; the thread is cancelled
 * when the call ends. This, not {@code rtp_stream}, because SIPp 3.6.1's {@code rtp_stream} crashed the carrier
 * on a loaded machine and took 4.5 times the CPU for the same 400 calls (docs/replay.md, "Customer audio").
 */
final class TonePcap {
    /** Bytes per packet record: pcap record header, Ethernet, IPv4, UDP, RTP header, 20 ms of G.711. */
    private static final int RECORD = 16 + 14 + 20 + 8 + 12 + 160;

    private TonePcap() {
    }

    /** {@code millis} of tone (rounded up to 20 ms) as a complete pcap file. */
    static byte[] bytes(long millis) {
        int packets = (int) Math.max(1, (millis + 19) / 20);
        // 400 Hz at 8 kHz is exactly 8 periods in 160 samples: every packet carries the same payload.
        byte[] payload = new byte[160];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = ToneWav.ulaw((int) (1500 * Math.sin(2 * Math.PI * 400 * i / 8000.0)));
        }
        ByteBuffer b = ByteBuffer.allocate(24 + packets * RECORD);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0)
                .putInt(0).putInt(65535).putInt(1);
        for (int p = 0; p < packets; p++) {
            long micros = p * 20_000L;
            int frame = RECORD - 16;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame).putInt(frame);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            int ip = b.position();
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 12 + 160)).putShort((short) p)
                    .putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            b.putShort(ip + 10, checksum(b, ip));
            // SIPp replaces both ports with the call's (source: -mp; destination: the dialler's SDP).
            b.putShort((short) 6000).putShort((short) 6002).putShort((short) (8 + 12 + 160)).putShort((short) 0);
            b.put((byte) 0x80).put((byte) 0).putShort((short) p).putInt(p * 160).putInt(0x0c057e55);
            b.put(payload);
        }
        return b.array();
    }

    private static short checksum(ByteBuffer b, int start) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(start + i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
