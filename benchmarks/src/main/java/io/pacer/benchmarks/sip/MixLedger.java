package io.pacer.benchmarks.sip;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mixed carrier run's contacts and journal in one: hands out contacts while the run is open (a contact handed
 * back is due again first, as the hopper's would be), keeps every record per contact, and knows what each
 * contact's record must say: the carrier ({@code benchmarks/sipp/carrier-mix.xml}) decides by the last digit of
 * the number.
 */
final class MixLedger implements ContactSupply, CallJournal {

    private final ConcurrentLinkedDeque<Long> handedBack = new ConcurrentLinkedDeque<>();
    private final AtomicLong nextId = new AtomicLong(1_000);
    private final Map<Long, List<CallOutcome>> records = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();
    private final AtomicLong giveBacks = new AtomicLong();
    private volatile boolean open;

    /** What the carrier does with the number ending in {@code digit}, as the journal must record it. */
    static CallOutcome expected(long digit) {
        return switch ((int) digit) {
            case 4, 5 -> CallOutcome.BUSY;
            case 6 -> CallOutcome.NO_ANSWER;
            case 7 -> CallOutcome.FAILURE;
            default -> CallOutcome.CONNECTED;
        };
    }

    /** True for numbers the carrier answers with a session timer Pacer must refresh. */
    static boolean refreshed(long digit) {
        return digit == 0 || digit == 1;
    }

    void open(boolean isOpen) {
        open = isOpen;
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        if (!open) {
            return false;
        }
        Long again = handedBack.pollFirst();
        long id = again != null ? again : nextId.getAndIncrement();
        takes.incrementAndGet();
        out.contactId = id;
        out.number = "+1555" + id;
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        giveBacks.incrementAndGet();
        handedBack.addFirst(contactId);
    }

    @Override
    public void record(CallRecord r) {
        records.computeIfAbsent(r.contactId, c -> new CopyOnWriteArrayList<>()).add(r.outcome);
    }

    /** What the run did, checked contact by contact. */
    Check check() {
        Check c = new Check();
        c.takes = takes.get();
        c.handedBack = giveBacks.get();
        c.neverRedialled = handedBack.size();
        for (Map.Entry<Long, List<CallOutcome>> e : records.entrySet()) {
            List<CallOutcome> list = e.getValue();
            c.records += list.size();
            long digit = e.getKey() % 10;
            c.byOutcome.merge(list.get(0), 1L, Long::sum);
            if (list.size() > 1) {
                c.problems.add("contact " + e.getKey() + " has " + list.size() + " records: " + list);
            } else if (list.get(0) != expected(digit)) {
                c.problems.add("contact " + e.getKey() + " recorded " + list.get(0) + ", the carrier made it "
                        + expected(digit));
            } else if (refreshed(digit)) {
                c.sessionCalls++;
            }
        }
        c.contacts = records.size();
        return c;
    }

    /** The contact-by-contact verdict. */
    static final class Check {
        long takes;
        long handedBack;
        long neverRedialled;
        long records;
        long contacts;
        long sessionCalls;
        final Map<CallOutcome, Long> byOutcome = new EnumMap<>(CallOutcome.class);
        final List<String> problems = new CopyOnWriteArrayList<>();
    }
}
