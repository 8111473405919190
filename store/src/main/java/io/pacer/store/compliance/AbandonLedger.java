package io.pacer.store.compliance;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.AbandonHistory;
import io.pacer.engine.campaign.Regime;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.Clock;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts every campaign's live answers and abandoned answers into 5-minute buckets in the database, on the
 * way from the core to the call journal, and reads them back as the history a campaign's abandonment budget is
 * rebuilt from. The core's thread only adds to per-campaign counters (release-ordered, no allocation); a flusher
 * thread writes what accumulated once a second. A crash loses at most that second's counts.
 *
 * <p>Live answers are the calls bridged ({@link CallOutcome#CONNECTED}) and the abandoned ones: no agent within
 * the connect limit ({@link CallOutcome#ABANDONED}) or the customer hung up waiting for one
 * ({@link CallOutcome#CUSTOMER_HUNG_UP}), which regulators count as abandoned too.
 */
public final class AbandonLedger implements CallJournal, AutoCloseable {

    /** The width of a stored bucket. */
    public static final long BUCKET_MILLIS = 300_000;
    private static final int MAX_CAMPAIGNS = 100_001;
    private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final CallJournal next;
    private final Database db;
    private final Clock clock;
    private final AtomicLongArray answers = new AtomicLongArray(MAX_CAMPAIGNS);
    private final AtomicLongArray abandons = new AtomicLongArray(MAX_CAMPAIGNS);
    private final long[] flushedAnswers = new long[MAX_CAMPAIGNS];
    private final long[] flushedAbandons = new long[MAX_CAMPAIGNS];
    private final Thread flusher;
    private volatile boolean stopping;

    /** Counts on the way to {@code next}, and starts the flusher thread. */
    public AbandonLedger(Database db, Clock clock, CallJournal next) {
        this.db = db;
        this.clock = clock;
        this.next = next;
        flusher = new Thread(this::run, "pacer-abandon-ledger");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public void record(CallRecord r) {
        int id = r.campaignId;
        // A customer's call to the campaign is no answer of its dials: it stays out of the abandonment rate.
        if (id > 0 && id < MAX_CAMPAIGNS && r.outcome != null && !r.inbound) {
            switch (r.outcome) {
                case CONNECTED -> answers.lazySet(id, answers.get(id) + 1);
                case ABANDONED, CUSTOMER_HUNG_UP -> {
                    abandons.lazySet(id, abandons.get(id) + 1);
                    answers.lazySet(id, answers.get(id) + 1);
                }
                default -> { }
            }
            if (r.amdFalsePositives > 0) {
                // Live answers AMD is estimated to have dropped: abandoned calls in the regulator's count.
                abandons.lazySet(id, abandons.get(id) + r.amdFalsePositives);
                answers.lazySet(id, answers.get(id) + r.amdFalsePositives);
            }
        }
        next.record(r);
    }

    @Override
    public void placed(long callId, long campaignId, long contactId) {
        next.placed(callId, campaignId, contactId);
    }

    @Override
    public void wrapUpExpired(long callId, long campaignId, int agentId) {
        next.wrapUpExpired(callId, campaignId, agentId);
    }

    /**
     * What the campaign answered and abandoned in the window of {@code window} that ends now, bucket by bucket,
     * counts not yet written included. A calendar month is steered over 31 days with no history before the 1st.
     */
    public AbandonHistory history(long campaignId, Regime.Window window, ZoneId zone) {
        return history(List.of(campaignId), window, zone);
    }

    /**
     * The window's history of several campaigns counted as one (an abandonment pool): their buckets summed, with
     * what each counted since the last flush.
     */
    public AbandonHistory history(List<Long> campaignIds, Regime.Window window, ZoneId zone) {
        long now = clock.epochMillis();
        long from = window.startMillis(now, zone);
        long windowMillis = window == Regime.Window.CALENDAR_MONTH ? 31L * 86_400_000L : now - from;
        List<Object> params = new java.util.ArrayList<>(campaignIds);
        params.add(from - from % BUCKET_MILLIS);
        List<long[]> rows = db.read(c -> Jdbc.query(c, "SELECT bucket_start_millis, SUM(answers), SUM(abandons) "
                + "FROM abandon_buckets WHERE campaign_id IN (" + marks(campaignIds.size()) + ") "
                + "AND bucket_start_millis >= ? GROUP BY bucket_start_millis ORDER BY bucket_start_millis",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, params.toArray()));
        long pendingAnswers = 0;
        long pendingAbandons = 0;
        for (long campaignId : campaignIds) {
            int id = (int) campaignId;
            pendingAnswers += id > 0 && id < MAX_CAMPAIGNS ? answers.get(id) - flushedAnswersSeen(id) : 0;
            pendingAbandons += id > 0 && id < MAX_CAMPAIGNS ? abandons.get(id) - flushedAbandonsSeen(id) : 0;
        }
        int n = rows.size() + (pendingAnswers > 0 ? 1 : 0);
        long[] starts = new long[n];
        long[] a = new long[n];
        long[] d = new long[n];
        for (int i = 0; i < rows.size(); i++) {
            starts[i] = rows.get(i)[0];
            a[i] = rows.get(i)[1];
            d[i] = rows.get(i)[2];
        }
        if (pendingAnswers > 0) {
            starts[n - 1] = now;
            a[n - 1] = pendingAnswers;
            d[n - 1] = pendingAbandons;
        }
        return new AbandonHistory(windowMillis, starts, a, d);
    }

    /** Answers and abandons stored for a campaign from {@code fromMillis} (inclusive) to {@code toMillis}. */
    public long[] totals(long campaignId, long fromMillis, long toMillis) {
        return totals(List.of(campaignId), fromMillis, toMillis);
    }

    /** Answers and abandons stored for several campaigns together (a pool), as {@link #totals(long, long, long)}. */
    public long[] totals(List<Long> campaignIds, long fromMillis, long toMillis) {
        List<Object> params = new java.util.ArrayList<>(campaignIds);
        params.add(fromMillis);
        params.add(toMillis);
        return db.read(c -> Jdbc.one(c, "SELECT COALESCE(SUM(answers), 0), COALESCE(SUM(abandons), 0) FROM abandon_buckets "
                + "WHERE campaign_id IN (" + marks(campaignIds.size()) + ") AND bucket_start_millis >= ? "
                + "AND bucket_start_millis < ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray()))
                .orElse(new long[2]);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(1, n), "?"));
    }

    /**
     * Answers and abandons per local day in {@code zone}, from {@code fromMillis} to {@code toMillis}: rows of
     * (epoch ms of the day's midnight, answers, abandons), oldest first, days with no answer left out.
     */
    public List<long[]> perDay(long campaignId, long fromMillis, long toMillis, ZoneId zone) {
        List<long[]> buckets = db.read(c -> Jdbc.query(c, """
                SELECT bucket_start_millis, answers, abandons FROM abandon_buckets
                WHERE campaign_id = ? AND bucket_start_millis >= ? AND bucket_start_millis < ? ORDER BY bucket_start_millis""",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, campaignId, fromMillis, toMillis));
        List<long[]> days = new java.util.ArrayList<>();
        for (long[] b : buckets) {
            long midnight = java.time.Instant.ofEpochMilli(b[0]).atZone(zone).toLocalDate().atStartOfDay(zone)
                    .toInstant().toEpochMilli();
            if (days.isEmpty() || days.get(days.size() - 1)[0] != midnight) {
                days.add(new long[] {midnight, 0, 0});
            }
            long[] day = days.get(days.size() - 1);
            day[1] += b[1];
            day[2] += b[2];
        }
        return days;
    }

    private synchronized long flushedAnswersSeen(int id) {
        return flushedAnswers[id];
    }

    private synchronized long flushedAbandonsSeen(int id) {
        return flushedAbandons[id];
    }

    private void run() {
        while (!stopping) {
            LockSupport.parkNanos(FLUSH_NANOS);
            flush();
        }
    }

    /** Writes every campaign's counts since the last flush into the current bucket; retried next time on failure. */
    public synchronized void flush() {
        long bucket = clock.epochMillis() / BUCKET_MILLIS * BUCKET_MILLIS;
        for (int id = 1; id < MAX_CAMPAIGNS; id++) {
            long a = answers.get(id);
            long d = abandons.get(id);
            long da = a - flushedAnswers[id];
            long dd = d - flushedAbandons[id];
            if (da == 0 && dd == 0) {
                continue;
            }
            try {
                int campaign = id;
                db.write(c -> Jdbc.update(c, """
                        INSERT INTO abandon_buckets(campaign_id, bucket_start_millis, answers, abandons) VALUES (?, ?, ?, ?)
                        ON CONFLICT (campaign_id, bucket_start_millis) DO UPDATE SET
                          answers = abandon_buckets.answers + excluded.answers,
                          abandons = abandon_buckets.abandons + excluded.abandons""", campaign, bucket, da, dd));
                flushedAnswers[id] = a;
                flushedAbandons[id] = d;
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** Stops the flusher after a last flush. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(flusher);
        try {
            flusher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
