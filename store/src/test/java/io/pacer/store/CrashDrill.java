package io.pacer.store;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child process of {@link CrashRecoveryTest}: storage, hopper and journal as in the engine, with a tiny
 * fake dialer on one thread in the core's place. It takes contacts from the hopper ({@code TAKE contact}) and
 * holds each a while before placing its call, as a trunk's calls-per-second queue does; placing writes {@code DIAL contact
 * call} and reports the call placed to the journal, in that order (as the trunk sends, then tells the engine); {@code END call} follows when the call finishes
 * (after recording it in the journal). In the first run (first call id 0), the one the test kills, every tenth
 * call lasts a minute, so the kill always finds calls placed long before it. It exits once nothing is left to dial and every call is committed. The test kills it half-way and
 * starts it again: with SIGKILL (a crash), or with SIGTERM, where its shutdown hook stops dialling, lets the calls
 * in flight end and be recorded (as the SIP adapter's drain does) and closes storage, which hands the hopper back.
 *
 * <p>Arguments: JDBC URL, user ("-" for none), campaign id, log file, first call id.
 */
public final class CrashDrill {

    private CrashDrill() {
    }

    /**
     * Whether the campaign has nothing left to dial now (checked only when the hopper has been idle a while):
     * contacts crash recovery holds are due only later.
     */
    private static boolean nothingLeft(Storage storage, int campaignId, long now) {
        return storage.db().read(c -> io.pacer.store.db.Jdbc.number(c, """
                SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND (state = 'DIALING'
                OR (state IN ('READY', 'CALLBACK') AND next_due_millis <= ?))""", campaignId, now)) == 0;
    }

    /** Runs the drill. */
    public static void main(String[] args) throws IOException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        // As pacer run's hook: the JVM halts when the hook returns, so it waits for the orderly close.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drill-stop"));
        try {
            drill(args, stop);
        } finally {
            closed.countDown();
        }
    }

    private static void drill(String[] args, AtomicBoolean stop) throws IOException {
        String user = "-".equals(args[1]) ? null : args[1];
        int campaignId = Integer.parseInt(args[2]);
        long callId = Long.parseLong(args[4]);
        long firstCallId = callId;
        try (Storage storage = Storage.open(args[0], user, null, "drill", SystemClock.INSTANCE);
             FileOutputStream log = new FileOutputStream(args[3], true)) {
            // After the kill the campaign is still locked by this engine id: it resumes without an operator.
            if (storage.resumeCampaigns().isEmpty()) {
                storage.startCampaign(campaignId);
                log.write("STARTED\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                log.write("RESUMED\n".getBytes(StandardCharsets.US_ASCII));
            }
            Deque<long[]> inFlight = new ArrayDeque<>();
            Deque<long[]> taken = new ArrayDeque<>();
            int longCalls = 0;
            ContactSlot slot = new ContactSlot();
            CallRecord record = new CallRecord();
            long idleSince = System.currentTimeMillis();
            while (true) {
                long now = System.currentTimeMillis();
                if (stop.get()) {
                    // Stopping: dial nothing more; what was held unplaced goes back, the calls in flight end now.
                    for (long[] contact : taken) {
                        storage.hopper().giveBack(campaignId, contact[0]);
                    }
                    taken.clear();
                    for (long[] call : inFlight) {
                        call[2] = now;
                    }
                    if (inFlight.isEmpty()) {
                        break;
                    }
                }
                if (!stop.get() && inFlight.size() - longCalls + taken.size() < 20 && storage.hopper().next(campaignId, now, slot)) {
                    log.write(("TAKE " + slot.contactId + "\n").getBytes(StandardCharsets.US_ASCII));
                    taken.addLast(new long[] {slot.contactId, now + 20});
                    idleSince = now;
                }
                if (!taken.isEmpty() && taken.peekFirst()[1] <= now) {
                    long contactId = taken.removeFirst()[0];
                    callId++;
                    // As the trunk: the INVITE leaves (the log line), then the engine hears the call was placed.
                    log.write(("DIAL " + contactId + " " + callId + "\n").getBytes(StandardCharsets.US_ASCII));
                    storage.journal().placed(callId, campaignId, contactId);
                    boolean minute = firstCallId == 0 && callId % 10 == 0;
                    longCalls += minute ? 1 : 0;
                    inFlight.addLast(new long[] {contactId, callId, now + (minute ? 60_000 : 5 + (callId % 20)), now, minute ? 1 : 0});
                }
                for (Iterator<long[]> calls = inFlight.iterator(); calls.hasNext(); ) {
                    long[] call = calls.next();
                    if (call[2] > now) {
                        continue;
                    }
                    calls.remove();
                    longCalls -= (int) call[4];
                    record.callId = call[1];
                    record.campaignId = campaignId;
                    record.contactId = call[0];
                    record.number = "+49301";
                    record.agentId = 1;
                    record.outcome = CallOutcome.CONNECTED;
                    record.startEpochMillis = call[3];
                    record.dialNanos = 0;
                    record.answerNanos = 1_000_000;
                    record.endNanos = (now - call[3]) * 1_000_000;
                    storage.journal().record(record);
                    log.write(("END " + call[1] + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                if (inFlight.isEmpty() && taken.isEmpty() && now - idleSince > 1500 && (nothingLeft(storage, campaignId, now) || now - idleSince > 30_000)) {
                    break;
                }
                Thread.onSpinWait();
                if (inFlight.isEmpty()) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            storage.journal().flush(10_000);
        }
        System.out.println("DRILL DONE");
    }
}
