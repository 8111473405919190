package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.AmdCampaigns;
import io.pacer.sip.media.RtpRelay;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;

/**
 * What the trunk leg sends on its own initiative: the INVITE, the CANCEL (only once a provisional response
 * allows it) and the BYE. A send that fails in the transport fails or ends the call instead of throwing.
 */
final class TrunkSignalling {

    /** How long the engine holds a campaign's dials after its trunk could not be reached. */
    static final long TRUNK_DOWN_HOLD_MILLIS = 5_000;

    private AmdCampaigns amd;
    private final SipEndpoint sip;
    private final RtpRelay relay;
    private final TrunkInvites invites;
    private final TrunkCallTimers timers;
    private final TrunkCalls calls;
    private final TrunkStats stats;

    TrunkSignalling(SipEndpoint sip, RtpRelay relay, TrunkCallTimers timers, TrunkCalls calls, TrunkStats stats) {
        this.sip = sip;
        this.relay = relay;
        this.invites = new TrunkInvites(sip);
        this.timers = timers;
        this.calls = calls;
        this.stats = stats;
    }

    /** Gives the calls of campaigns with answering-machine detection a media analysis (set once, at start). */
    void analyseWith(AmdCampaigns campaigns) {
        this.amd = campaigns;
    }

    /**
     * Sends the INVITE and starts the post-dial limit: the ring time proper starts only at the first 180/183
     * ({@link TrunkResponses}), and time spent queued for the calls-per-second budget never counts. False when
     * the trunk could not be reached (TCP refused, unresolvable): nothing reached the carrier, and the caller
     * fails the call over or hands it back untouched.
     */
    boolean sendInvite(TrunkCall call) {
        ClientTransaction ct;
        try {
            call.media = relay.open();
            if (amd != null) {
                // Before the INVITE leaves: early media can come with the first provisional answer.
                call.media.analyse(amd.analysisFor(call.campaignId, call.callId));
            }
            ct = sip.provider.getNewClientTransaction(invites.inviteFor(call));
        } catch (Exception build) {
            // A number that is no valid user part, no relay port: this contact's call fails.
            stats.transportErrors++;
            calls.finish(call, CallOutcome.FAILURE);
            return true;
        }
        ct.setApplicationData(call);
        call.invite = ct;
        call.state = TrunkCall.State.DIALING;
        try {
            ct.sendRequest();
        } catch (Exception transport) {
            // TCP connect refused, unresolvable host: the trunk is down and nothing reached the carrier.
            stats.transportErrors++;
            terminate(ct);
            // The stack made the INVITE's dialog with its transaction; nothing will ever end it but us.
            if (ct.getDialog() != null) {
                ct.getDialog().delete();
            }
            call.invite = null;
            return false;
        }
        stats.invitesSent++;
        calls.placed(call);
        call.trunk.invitesSent++;
        timers.arm(call, TrunkTimer.POST_DIAL_LIMIT, call.trunk.config.postDialLimitMillis());
        return true;
    }

    void sendCancel(TrunkCall call) {
        call.cancelWanted = true;
        if (call.cancelSent || !call.provisional) {
            // RFC 3261 9.1: no CANCEL before a provisional response; it goes out when the first 1xx arrives.
            return;
        }
        try {
            ClientTransaction ct = sip.provider.getNewClientTransaction(call.invite.createCancel());
            ct.sendRequest();
            call.cancelSent = true;
            call.state = TrunkCall.State.CANCELLING;
            timers.arm(call, TrunkTimer.CANCEL_GUARD, TrunkCallTimers.CANCEL_GUARD_MILLIS);
        } catch (Exception e) {
            stats.transportErrors++;
            terminate(call.invite);
            calls.finish(call, CallOutcome.NO_ANSWER);
        }
    }

    void sendBye(TrunkCall call) {
        try {
            Request bye = call.dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider.getNewClientTransaction(bye);
            call.dialog.sendRequest(ct);
        } catch (Exception e) {
            stats.transportErrors++;
            if (call.dialog != null) {
                call.dialog.delete();
            }
        }
    }

    /** Ends a client transaction the stack would otherwise keep for its retransmission timers. */
    static void terminate(ClientTransaction ct) {
        try {
            ct.terminate();
        } catch (Exception alreadyGone) {
            // Terminated by the stack meanwhile.
        }
    }
}
