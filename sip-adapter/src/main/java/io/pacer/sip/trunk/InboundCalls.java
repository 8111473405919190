package io.pacer.sip.trunk;

import io.pacer.engine.core.EngineInput;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.media.Sdp;
import io.pacer.sip.stack.SipEndpoint;
import java.util.HashMap;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Customers' calls from a trunk to Pacer (blending): the INVITE is offered to the engine, which takes it for the
 * campaign whose display or access number was dialled, or refuses it (480, as Pacer answered every carrier INVITE
 * before). A taken call rings (180) until the engine bridges it to an agent (200 OK with the relay's SDP) or gives
 * up at the campaign's maximum wait (480); a caller who hangs up first CANCELs (487). Translates only: which
 * campaign, which agent and how long to wait are the engine's. SIP worker thread only.
 */
public final class InboundCalls {

    private final SipEndpoint sip;
    private final EngineInput input;
    private final TrunkStats stats;
    private final TrunkCalls calls;
    private final TrunkAdmission admission;
    private final RtpRelay relay;
    /** INVITEs offered to the engine and not yet answered by it, by key: their transactions absorb retransmissions. */
    private final HashMap<Long, ServerTransaction> offered = new HashMap<>();
    /** The trunk each offered INVITE came from, by key. */
    private final HashMap<Long, TrunkState> offeredFrom = new HashMap<>();
    /** Inbound calls not yet answered, by SIP Call-ID, so that a caller's CANCEL finds its call. */
    private final HashMap<String, TrunkCall> ringing = new HashMap<>();
    private long nextKey;

    InboundCalls(SipEndpoint sip, EngineInput input, TrunkStats stats, TrunkCalls calls, TrunkAdmission admission,
                 RtpRelay relay) {
        this.sip = sip;
        this.input = input;
        this.stats = stats;
        this.calls = calls;
        this.admission = admission;
        this.relay = relay;
    }

    /** An INVITE from the trunk at {@code source}: offered to the engine with the numbers dialled and calling. */
    public void offer(RequestEvent e, String source) throws Exception {
        Request req = e.getRequest();
        String dialled = dialled(req.getRequestURI());
        String caller = caller(req);
        if (dialled == null || Sdp.audioTarget(req.getRawContent()) == null) {
            sip.respondStateless(req, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        long key = ++nextKey;
        ServerTransaction st = sip.serverTransaction(e);
        st.sendResponse(sip.response(Response.TRYING, req));
        offered.put(key, st);
        offeredFrom.put(key, admission.trunkAt(source));
        stats.inboundOffered++;
        input.inboundOffered(key, dialled, caller);
    }

    /** The engine refuses the offered call: 480, as to any call no campaign takes. */
    public void refuse(long key) throws Exception {
        ServerTransaction st = offered.remove(key);
        offeredFrom.remove(key);
        if (st != null) {
            stats.inboundRefused++;
            st.sendResponse(sip.response(Response.TEMPORARILY_UNAVAILABLE, st.getRequest()));
        }
    }

    /** The engine takes the offered call as {@code callId}: a relay port, and 180 Ringing while it waits. */
    public void accept(long key, long callId, int campaignId) throws Exception {
        ServerTransaction st = offered.remove(key);
        TrunkState trunk = offeredFrom.remove(key);
        if (st == null) {
            return;
        }
        Request req = st.getRequest();
        TrunkCall call = new TrunkCall(callId, campaignId, admission.routeFor(campaignId), trunk,
                caller(req), dialled(req.getRequestURI()), 0);
        call.inboundInvite = st;
        call.media = relay.open();
        call.media.remote(Sdp.audioTarget(req.getRawContent()));
        calls.add(call);
        Response ringingResponse = sip.response(Response.RINGING, req);
        ((ToHeader) ringingResponse.getHeader(ToHeader.NAME)).setTag(SipEndpoint.newTag());
        ringingResponse.addHeader(sip.contact(trunk.config.transport()));
        st.sendResponse(ringingResponse);
        call.dialog = st.getDialog();
        call.dialog.setApplicationData(call);
        call.state = TrunkCall.State.RINGING;
        ringing.put(callId(req), call);
    }

    /**
     * The engine bridges {@code call} (possibly {@code null}): a caller still ringing is answered now, 200 OK with
     * the relay's SDP; the caller's ACK and BYE come in its dialog.
     */
    void answerIfRinging(TrunkCall call) throws Exception {
        if (call == null || call.inboundInvite == null || call.state != TrunkCall.State.RINGING) {
            return;
        }
        Request req = call.inboundInvite.getRequest();
        ringing.remove(callId(req));
        Response ok = sip.response(Response.OK, req);
        ok.addHeader(sip.contact(call.trunk.config.transport()));
        ok.setContent(sip.sdp(call.media.port(), call.sdpSessionId, call.sdpVersion), sip.sdpType);
        call.inboundInvite.sendResponse(ok);
        call.state = TrunkCall.State.ANSWERED;
        call.answerNanos = System.nanoTime();
        stats.inboundAnswered++;
    }

    /**
     * The engine hangs up {@code call}: true when it is a caller still ringing, who gets 480 (no agent within the
     * maximum wait; the engine has recorded the call as missed).
     */
    boolean giveUpIfRinging(TrunkCall call) {
        if (call.inboundInvite == null || call.state != TrunkCall.State.RINGING) {
            return false;
        }
        ringing.remove(callId(call.inboundInvite.getRequest()));
        try {
            call.inboundInvite.sendResponse(sip.response(Response.TEMPORARILY_UNAVAILABLE, call.inboundInvite.getRequest()));
        } catch (Exception e) {
            stats.transportErrors++;
        }
        stats.inboundMissed++;
        calls.drop(call);
        return true;
    }

    /**
     * Pacer stops: every caller still ringing is refused (480); the calls end with the others' (missed), so that
     * no caller's INVITE is left without an answer.
     */
    void refuseRinging() {
        for (TrunkCall call : ringing.values()) {
            try {
                call.inboundInvite.sendResponse(sip.response(Response.TEMPORARILY_UNAVAILABLE, call.inboundInvite.getRequest()));
            } catch (Exception e) {
                stats.transportErrors++;
            }
        }
        ringing.clear();
    }

    /**
     * A CANCEL: true when it is a waiting caller's, who is answered 200 and 487 and whose end the engine hears
     * (missed); false for any other, which the worker handles as before.
     */
    public boolean cancelled(Request cancel) {
        TrunkCall call = ringing.remove(callId(cancel));
        if (call == null) {
            return false;
        }
        sip.respondStateless(cancel, Response.OK);
        try {
            call.inboundInvite.sendResponse(sip.response(Response.REQUEST_TERMINATED, call.inboundInvite.getRequest()));
        } catch (Exception e) {
            stats.transportErrors++;
        }
        stats.inboundMissed++;
        calls.endAnswered(call);
        return true;
    }

    private static String callId(Request req) {
        return ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /**
     * The caller's number as the carrier sent it (the From user part, or a tel URI's number, without parameters),
     * or {@code null}: the journal normalises it in the campaign's region to match the contact, since carriers
     * often send national form.
     */
    private static String caller(Request req) {
        return userPart(((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI());
    }

    private static String userPart(URI uri) {
        String user;
        if (uri instanceof SipURI sipUri) {
            user = sipUri.getUser();
        } else if (uri instanceof TelURL tel) {
            user = (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        } else {
            return null;
        }
        if (user == null) {
            return null;
        }
        int params = user.indexOf(';');
        return params >= 0 ? user.substring(0, params) : user;
    }

    /**
     * The dialled number of a Request-URI (sip: user part or tel: number) in the form the engine matches against
     * the campaigns' E.164 numbers: "+" and the digits when the carrier wrote it in international form ("+" or
     * "00"), else the digits alone, which the engine matches as bare international digits or as national form
     * ({@code InboundNumberIndex}). Visual separators are dropped; {@code null} when it holds no number.
     */
    static String dialled(URI uri) {
        String raw = userPart(uri);
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(raw.length());
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            } else if (ch == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (ch != '-' && ch != '.' && ch != '(' && ch != ')' && ch != ' ') {
                return null;
            }
        }
        String n = digits.toString();
        if (!plus && n.startsWith("00")) {
            n = n.substring(2);
            plus = true;
        }
        if (n.length() < 5 || n.length() > 16 || (plus && (n.length() > 15 || n.charAt(0) == '0'))) {
            return null;
        }
        return plus ? "+" + n : n;
    }
}
