package io.pacer.engine.core;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.engine.port.Timers;
import io.pacer.pacing.DialMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An engine core on a manual clock with recording ports: tests publish events, move time and read what the
 * core asked the outside world to do.
 */
final class CoreHarness implements Clock, Timers, Telephony, ContactSupply {
    static final long MS = 1_000_000L;
    final TimerQueue timers = new TimerQueue(64);
    final List<String> commands = new ArrayList<>();
    final List<Long> dialed = new ArrayList<>();
    /** Each campaign's AMD settings as told to the telephony, with how many dials came before. */
    final List<String> amdTold = new ArrayList<>();
    final List<CallRecord> records = new ArrayList<>();
    /** Each placement journalled: {call id, campaign id, contact id}. */
    final List<long[]> placed = new ArrayList<>();
    final Deque<long[]> contacts = new ArrayDeque<>();
    final List<Long> givenBack = new ArrayList<>();
    final List<Long> doNotCall = new ArrayList<>();
    /** The team of a contact handed out by {@link #next} (a team callback), by contact id. */
    final java.util.Map<Long, io.pacer.engine.campaign.Responsibles> teams = new java.util.HashMap<>();
    /** Each wrap-up the core reported as run to its limit: {call id, campaign id, agent id}. */
    final List<long[]> wrapUpsExpired = new ArrayList<>();
    long nowNanos = 1_000 * MS;
    long nextContact = 100;
    boolean unlimitedContacts = true;
    /** What {@link #placeableNow} reports: the calls the campaign's trunk could take now. */
    int trunkRoom = Integer.MAX_VALUE;
    final EngineCore core;
    final DirectEngineInput input;

    CoreHarness() {
        this(200);
    }

    /** A harness whose regular pacing tick comes every {@code pacingTickMillis}. */
    CoreHarness(long pacingTickMillis) {
        core = new EngineCore(new EngineLimits(16, 64, 4, pacingTickMillis), this, this, this, this, new CallJournal() {
            @Override
            public void record(CallRecord r) {
                CallRecord copy = new CallRecord();
                copy.callId = r.callId;
                copy.campaignId = r.campaignId;
                copy.contactId = r.contactId;
                copy.number = r.number;
                copy.agentId = r.agentId;
                copy.outcome = r.outcome;
                copy.answerNanos = r.answerNanos;
                copy.bridgeNanos = r.bridgeNanos;
                copy.endNanos = r.endNanos;
                copy.amdVerdict = r.amdVerdict;
                copy.amdCause = r.amdCause;
                copy.amdDecisionMillis = r.amdDecisionMillis;
                copy.amdAction = r.amdAction;
                copy.amdFalsePositives = r.amdFalsePositives;
                copy.inbound = r.inbound;
                copy.callerId = r.callerId;
                records.add(copy);
            }

            @Override
            public void placed(long callId, long campaignId, long contactId) {
                placed.add(new long[] {callId, campaignId, contactId});
            }

            @Override
            public void wrapUpExpired(long callId, long campaignId, int agentId) {
                wrapUpsExpired.add(new long[] {callId, campaignId, agentId});
            }
        });
        input = new DirectEngineInput(core, this);
        core.start();
    }

    void campaign(DialMode mode) {
        CampaignConfig c = new CampaignConfig(1, "test", mode, 1.0, 0.0, 0.03, 15_000, 2_000, 100, "+4512345678");
        input.command(core -> core.upsertCampaign(c));
    }

    /** Moves time forward, firing every timer that falls due on the way. */
    void advanceMillis(long ms) {
        long end = nowNanos + ms * MS;
        while (!timers.isEmpty() && timers.peekDeadline() <= end) {
            nowNanos = Math.max(nowNanos, timers.peekDeadline());
            int kind = timers.peekKind();
            long ref = timers.peekRef();
            timers.poll();
            input.timer(kind, ref);
        }
        nowNanos = end;
    }

    long lastDial() {
        return dialed.get(dialed.size() - 1);
    }

    CallOutcome outcomeOf(long callId) {
        return records.stream().filter(r -> r.callId == callId).map(r -> r.outcome).findFirst().orElse(null);
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public long epochMillis() {
        return 1_767_600_000_000L + nowNanos / MS;
    }

    @Override
    public void schedule(long deadlineNanos, int kind, long ref) {
        timers.add(deadlineNanos, kind, ref);
    }

    @Override
    public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        dialed.add(callId);
        commands.add("dial " + contactId + " " + number + " from " + callerId);
    }

    @Override
    public int placeableNow(int campaignId) {
        return trunkRoom;
    }

    @Override
    public void cancel(long callId) {
        commands.add("cancel " + callId);
    }

    @Override
    public void bridge(long callId, int agentId) {
        commands.add("bridge " + callId + " to " + agentId);
    }

    @Override
    public void hangUp(long callId) {
        commands.add("hangup " + callId);
    }

    @Override
    public void acceptInbound(long inboundKey, long callId, int campaignId) {
        commands.add("accept inbound " + inboundKey + " as " + callId);
    }

    @Override
    public void refuseInbound(long inboundKey) {
        commands.add("refuse inbound " + inboundKey);
    }

    @Override
    public void dropMessage(long callId) {
        commands.add("drop message " + callId);
    }

    @Override
    public void amdSettings(int campaignId, io.pacer.engine.campaign.AmdSettings settings) {
        // Apart from the commands, which tests read as the calls' story: the adapter hears this per campaign.
        amdTold.add(campaignId + " " + (settings.enabled() ? "on" : "off") + " before dial " + dialed.size());
    }

    @Override
    public void abandon(long callId) {
        commands.add("abandon " + callId);
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
        commands.add("preview " + contactId + " to " + agentId);
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        if (!contacts.isEmpty()) {
            long[] c = contacts.poll();
            out.contactId = c[0];
            out.ownerAgentId = (int) c[1];
            out.number = "+4570000" + c[0];
            out.team = teams.get(c[0]);
            return true;
        }
        if (!unlimitedContacts) {
            return false;
        }
        out.contactId = nextContact++;
        out.number = "+4570000" + out.contactId;
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        givenBack.add(contactId);
    }

    @Override
    public void doNotCall(int campaignId, long contactId) {
        doNotCall.add(contactId);
    }
}
