package io.pacer.sip;

import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Copies of the records the engine journals, per campaign, in order. */
final class RecordingJournal implements CallJournal {
    private final Map<Integer, List<CallRecord>> byCampaign = new ConcurrentHashMap<>();

    @Override
    public void record(CallRecord r) {
        CallRecord copy = new CallRecord();
        copy.callId = r.callId;
        copy.campaignId = r.campaignId;
        copy.contactId = r.contactId;
        copy.agentId = r.agentId;
        copy.outcome = r.outcome;
        copy.answerNanos = r.answerNanos;
        copy.bridgeNanos = r.bridgeNanos;
        // When the journal heard of the end, on this test's clock (the record's own times are the engine's).
        copy.endNanos = System.nanoTime();
        byCampaign.computeIfAbsent(r.campaignId, c -> new CopyOnWriteArrayList<>()).add(copy);
    }

    List<CallRecord> of(int campaign) {
        return byCampaign.getOrDefault(campaign, List.of());
    }

    void await(int campaign, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (of(campaign).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    String describe() {
        StringBuilder sb = new StringBuilder("journal:");
        byCampaign.forEach((c, list) -> list.forEach(r -> sb.append(' ').append(c).append('/')
                .append(r.contactId).append('=').append(r.outcome)));
        return sb.toString();
    }
}
