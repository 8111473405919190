package io.pacer.sip.media;

import io.netty.buffer.ByteBuf;
import io.pacer.detect.AmdParameters;
import io.pacer.detect.CallAnalyser;
import io.pacer.detect.Verdict;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.core.EngineInput;

/**
 * The media analysis of one customer call on the relay (docs/amd.md, "On the relay"): each RTP packet the
 * carrier sends, before the answer (early media) and after it, is fed to the call's {@link CallAnalyser} on the
 * relay's event loop that owns the port, straight from the packet's buffer into a reused array. When the
 * analyser decides, one {@code callClassified} event goes to the engine's ring, and the analysis stops, unless
 * a message drop waits for the beep.
 *
 * <p>Before the answer only call-progress verdicts count (SIT, busy, fax): speech in early media is the network's
 * announcement, so such a verdict is forgotten. At the answer the analyser starts afresh, so that AMD's times
 * run from the answer. Threads: the SIP worker builds it and sets {@link #answered} and {@link #awaitBeep}; the
 * port's event loop feeds it and alone touches the analyser; the rest are volatile flags. Feeding allocates
 * nothing (the event's publication included).
 */
public final class MediaAnalysis {
    private static final AmdVerdict[] VERDICTS = new AmdVerdict[Verdict.values().length];
    private static final AmdCause[] CAUSES = new AmdCause[io.pacer.detect.AmdCause.values().length];

    static {
        for (Verdict v : Verdict.values()) {
            VERDICTS[v.ordinal()] = v == Verdict.PENDING ? null : AmdVerdict.valueOf(v.name());
        }
        for (io.pacer.detect.AmdCause c : io.pacer.detect.AmdCause.values()) {
            CAUSES[c.ordinal()] = AmdCause.valueOf(c.name());
        }
    }

    private final long callId;
    private final EngineInput input;
    private final CallAnalyser analyser;
    private final byte[] payload = new byte[1500];
    private volatile boolean answered;
    private volatile boolean beepWanted;
    private volatile boolean messageDue;
    private boolean answerSeen;
    private boolean published;

    /** The analysis of call {@code callId} with the campaign's parameters, reporting to {@code input}. */
    public MediaAnalysis(long callId, AmdParameters parameters, EngineInput input) {
        this.callId = callId;
        this.input = input;
        this.analyser = new CallAnalyser(parameters);
    }

    /** Worker thread: the call was answered; AMD starts on the next packet. */
    public void answered() {
        answered = true;
    }

    /** Worker thread: a message drop waits for the beep; the analysis goes on after the verdict. */
    public void awaitBeep() {
        beepWanted = true;
    }

    /**
     * True once the beep has ended (its last tone followed by 200 ms without tone or speech, however long the
     * beep and however many tones it had): a voicemail records from then on, so the message may start. Any
     * thread.
     */
    public boolean messageDue() {
        return messageDue;
    }

    /**
     * Event loop (the port's, or one benchmark thread): one RTP packet from the carrier, header and all; the
     * buffer's reader index is left where it was.
     */
    public void packet(ByteBuf rtp) {
        if (published && !beepWanted) {
            return;
        }
        int base = rtp.readerIndex();
        int length = rtp.readableBytes();
        if (length < 12) {
            return;
        }
        int first = rtp.getUnsignedByte(base);
        int payloadType = rtp.getUnsignedByte(base + 1) & 0x7f;
        if (payloadType != 0 && payloadType != 8) {
            // Telephone events, comfort noise: no audio to analyse.
            return;
        }
        int header = 12 + 4 * (first & 0x0f);
        if ((first & 0x10) != 0 && length >= header + 4) {
            header += 4 + 4 * rtp.getUnsignedShort(base + header + 2);
        }
        int audio = length - header - ((first & 0x20) != 0 ? rtp.getUnsignedByte(base + length - 1) : 0);
        if (audio <= 0) {
            return;
        }
        audio = Math.min(audio, payload.length);
        rtp.getBytes(base + header, payload, 0, audio);
        feed(payloadType, audio);
    }

    private void feed(int payloadType, int audio) {
        if (answered && !answerSeen) {
            answerSeen = true;
            if (!published) {
                analyser.reset();
            }
        }
        if (payloadType == 0) {
            analyser.feedUlaw(payload, 0, audio);
        } else {
            analyser.feedAlaw(payload, 0, audio);
        }
        Verdict v = analyser.verdict();
        if (!published && v != Verdict.PENDING) {
            AmdVerdict verdict = VERDICTS[v.ordinal()];
            if (!answerSeen && !verdict.callProgress()) {
                analyser.reset();
            } else {
                published = true;
                input.callClassified(callId, verdict, CAUSES[analyser.amdCause().ordinal()], analyser.decisionMillis());
            }
        }
        if (beepWanted && !messageDue && analyser.beepEndMillis() >= 0) {
            messageDue = true;
        }
    }
}
