package io.pacer.simulator.world;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.simulator.scenario.ListModel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The simulator's lists and numbers (docs/lists.md) on virtual time: contacts with several numbers in lists that
 * share the dials by weight, moved on after each unconnected call by the scenario's treatments or the default
 * attempt chain, as storage moves them. It is both the core's contact supply and its journal: the journal is
 * where a call's outcome comes back, as in production.
 *
 * <p>The id the core sees is the contact's id shifted over its attempt count, so that the world's draws (addressed
 * by that id) differ between attempts: a busy number may answer next time.
 */
public final class ChainedContacts implements ContactSupply, CallJournal {

    private static final int ATTEMPT_BITS = 8;
    /** The default retry rule (store's RetryRule.DEFAULT): 30 minutes, 3 attempts of a class per number. */
    private static final long RETRY_DELAY_MILLIS = 1_800_000;
    private static final int MAX_PER_NUMBER = 3;
    /** The campaign's cap per contact. */
    private static final int MAX_ATTEMPTS = 10;

    /** One contact's chain. */
    private static final class Chain {
        final int list;
        int position;
        int roundTries;
        int attempts;
        final Map<String, Integer> byClass = new HashMap<>();

        Chain(int list) {
            this.list = list;
        }
    }

    private final ListModel model;
    private final int[] weights;
    private final long[] credit;
    private final long[] dials;
    private final List<PriorityQueue<long[]>> due;
    private final Map<Long, Chain> chains = new HashMap<>();
    private final ArrayDeque<Long> returned = new ArrayDeque<>();
    private long nextContact = 1;
    private long laterNumbers;
    private long exhausted;

    /** Contacts under {@code model}. */
    public ChainedContacts(ListModel model) {
        this.model = model;
        int n = Math.max(1, model.lists().size());
        weights = new int[n];
        for (int i = 0; i < n; i++) {
            weights[i] = model.lists().isEmpty() ? 1 : model.lists().get(i).weight();
        }
        credit = new long[n];
        dials = new long[n];
        due = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            due.add(new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0])));
        }
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        long contact;
        if (!returned.isEmpty()) {
            contact = returned.poll();
        } else {
            int list = pickList();
            PriorityQueue<long[]> q = due.get(list);
            if (!q.isEmpty() && q.peek()[0] <= epochMillis) {
                contact = q.poll()[1];
            } else {
                contact = nextContact++;
                chains.put(contact, new Chain(list));
            }
        }
        Chain chain = chains.get(contact);
        dials[chain.list]++;
        laterNumbers += chain.position > 0 ? 1 : 0;
        out.contactId = (contact << ATTEMPT_BITS) | (chain.attempts & 0xFF);
        out.number = "+1555" + (1_000_000 + contact % 1_000_000) + chain.position;
        return true;
    }

    /** Smooth weighted round robin: over many dials, each list gets its weight's share. */
    private int pickList() {
        int total = 0;
        int best = 0;
        for (int i = 0; i < weights.length; i++) {
            credit[i] += weights[i];
            total += weights[i];
            if (credit[i] > credit[best]) {
                best = i;
            }
        }
        credit[best] -= total;
        return best;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        long contact = contactId >>> ATTEMPT_BITS;
        Chain chain = chains.get(contact);
        if (chain != null) {
            dials[chain.list]--;
            laterNumbers -= chain.position > 0 ? 1 : 0;
            returned.add(contact);
        }
    }

    @Override
    public void doNotCall(int campaignId, long contactId) {
        chains.remove(contactId >>> ATTEMPT_BITS);
    }

    @Override
    public void record(CallRecord r) {
        long contact = r.contactId >>> ATTEMPT_BITS;
        Chain chain = chains.get(contact);
        if (chain == null) {
            return;
        }
        if (r.outcome == CallOutcome.CONNECTED || r.outcome.answeredByPerson()) {
            chains.remove(contact);
            return;
        }
        long endMillis = r.startEpochMillis + Math.max(0, r.endNanos - r.dialNanos) / 1_000_000;
        String cls = retryClass(r.outcome);
        int k = chain.byClass.merge(cls, 1, Integer::sum) - 1;
        chain.attempts++;
        int n = model.numbersPerContact();
        List<ListModel.Step> steps = model.treatments().getOrDefault(cls, List.of());
        long dueMillis;
        boolean done = chain.attempts >= MAX_ATTEMPTS;
        if (!steps.isEmpty()) {
            done |= k >= steps.size();
            ListModel.Step step = done ? null : steps.get(k);
            dueMillis = endMillis + (step == null ? 0 : step.delayNanos() / 1_000_000);
            chain.position = step == null || "REDIAL".equals(step.action()) ? chain.position
                    : "NEXT_NUMBER".equals(step.action()) ? (chain.position + 1) % n : 0;
        } else {
            done |= k + 1 >= MAX_PER_NUMBER * n;
            boolean roundOn = chain.roundTries + 1 < n;
            dueMillis = roundOn ? endMillis : endMillis + RETRY_DELAY_MILLIS;
            chain.position = roundOn ? (chain.position + 1) % n : 0;
            chain.roundTries = roundOn ? chain.roundTries + 1 : 0;
        }
        if (done) {
            chains.remove(contact);
            exhausted++;
        } else {
            due.get(chain.list).add(new long[] {dueMillis, contact});
        }
    }

    private static String retryClass(CallOutcome outcome) {
        return switch (outcome) {
            case BUSY -> "BUSY";
            case NO_ANSWER, MACHINE, ABANDONED, CUSTOMER_HUNG_UP -> "NO_ANSWER";
            case INVALID_NUMBER -> "NOT_REACHABLE";
            default -> "FAILURE";
        };
    }

    /** Dials per list, in the scenario's order. */
    public long[] dialsPerList() {
        return dials.clone();
    }

    /** Dials to a number other than a contact's first. */
    public long laterNumberDials() {
        return laterNumbers;
    }

    /** Contacts that ran out of treatment steps or attempts. */
    public long exhausted() {
        return exhausted;
    }
}
