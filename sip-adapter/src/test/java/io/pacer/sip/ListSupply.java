package io.pacer.sip;

import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Contacts per campaign, due in order; a contact handed back is due again first, as the hopper's would be. */
final class ListSupply implements ContactSupply {
    private final Map<Integer, ConcurrentLinkedDeque<Long>> due = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> givenBack = new ConcurrentHashMap<>();

    void load(int campaign, long first, int count) {
        ConcurrentLinkedDeque<Long> list = due.computeIfAbsent(campaign, c -> new ConcurrentLinkedDeque<>());
        for (long id = first; id < first + count; id++) {
            list.addLast(id);
        }
    }

    int givenBack(int campaign) {
        AtomicInteger n = givenBack.get(campaign);
        return n == null ? 0 : n.get();
    }

    int left(int campaign) {
        ConcurrentLinkedDeque<Long> list = due.get(campaign);
        return list == null ? 0 : list.size();
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        ConcurrentLinkedDeque<Long> list = due.get(campaignId);
        Long id = list == null ? null : list.pollFirst();
        if (id == null) {
            return false;
        }
        out.contactId = id;
        out.number = "+1555" + id;
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        givenBack.computeIfAbsent(campaignId, c -> new AtomicInteger()).incrementAndGet();
        due.get(campaignId).addFirst(contactId);
    }
}
