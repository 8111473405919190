package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.stack.TrunkProbeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;

/**
 * Watches the trunks that ask for it with out-of-dialog OPTIONS ({@link TrunkProbeSettings}): a trunk whose probes
 * fail {@code downAfter} times in a row is marked down, and its campaigns' new calls go to their other trunks
 * ({@link TrunkRoute}); {@code upAfter} answers in a row bring it back. A probe not answered when the next is due
 * counts as failed (the stack's own timeout, 32 s, is far too slow for this). SIP worker thread only; the
 * worker's trunk tick calls {@link #due}.
 */
final class TrunkProbes {

    private static final Logger LOG = Logger.getLogger(TrunkProbes.class.getName());

    private final SipEndpoint sip;
    private final TrunkInvites requests;
    private final TrunkStats stats;
    private final List<TrunkState> probed = new ArrayList<>();

    TrunkProbes(SipEndpoint sip, List<TrunkState> trunks, TrunkStats stats) {
        this.sip = sip;
        this.requests = new TrunkInvites(sip);
        this.stats = stats;
        for (TrunkState t : trunks) {
            if (t.config.probe() != null) {
                probed.add(t);
            }
        }
    }

    /** The shortest probe interval of any trunk, or 0 when none is probed: how often {@link #due} must run. */
    long shortestIntervalMillis() {
        long shortest = 0;
        for (TrunkState t : probed) {
            long i = t.config.probe().intervalMillis();
            shortest = shortest == 0 ? i : Math.min(shortest, i);
        }
        return shortest;
    }

    /** Sends the probes that are due; one still unanswered when its successor is due has failed. */
    void due(long nowNanos) {
        for (TrunkState t : probed) {
            if (nowNanos - t.nextProbeNanos < 0) {
                continue;
            }
            t.nextProbeNanos = nowNanos + t.config.probe().intervalMillis() * 1_000_000L;
            if (t.probe != null) {
                TrunkSignalling.terminate(t.probe);
                t.probe = null;
                failed(t, "no answer within " + t.config.probe().intervalMillis() + " ms");
            }
            send(t);
        }
    }

    private void send(TrunkState t) {
        try {
            ClientTransaction ct = sip.provider.getNewClientTransaction(requests.optionsFor(t.config));
            ct.setApplicationData(t);
            t.probe = ct;
            ct.sendRequest();
            stats.probesSent++;
        } catch (Exception e) {
            t.probe = null;
            failed(t, "could not send: " + e.getMessage());
        }
    }

    /** True when {@code ct} is a probe's; then its final answer {@code status} has been taken into account. */
    boolean answered(ClientTransaction ct, int status) {
        if (!(ct.getApplicationData() instanceof TrunkState t)) {
            return false;
        }
        if (status >= 200 && ct == t.probe) {
            t.probe = null;
            TrunkSignalling.terminate(ct);
            if (status == 408 || status == 503) {
                failed(t, "answered " + status);
            } else {
                answered(t);
            }
        }
        return true;
    }

    /** True when {@code ct} is a probe's; then its timeout counted as a failure. */
    boolean timedOut(ClientTransaction ct) {
        if (!(ct.getApplicationData() instanceof TrunkState t)) {
            return false;
        }
        if (ct == t.probe) {
            t.probe = null;
            failed(t, "timed out");
        }
        return true;
    }

    private void failed(TrunkState t, String why) {
        stats.probesFailed++;
        t.probeAnswers = 0;
        t.probeFailures++;
        if (t.up && t.probeFailures >= t.config.probe().downAfter()) {
            t.up = false;
            stats.trunksDown++;
            LOG.warning("trunk " + t.config.name() + " is down: " + t.probeFailures + " probes failed, the last "
                    + why + "; its campaigns dial through their other trunks");
        }
    }

    private void answered(TrunkState t) {
        t.probeFailures = 0;
        t.probeAnswers++;
        if (!t.up && t.probeAnswers >= t.config.probe().upAfter()) {
            t.up = true;
            stats.trunksUp++;
            LOG.info("trunk " + t.config.name() + " is up again: " + t.probeAnswers + " probes answered");
        }
    }
}
