package io.pacer.benchmarks.importer;

import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ImportReport;
import io.pacer.engine.core.SystemClock;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.db.Database;
import io.pacer.store.Storage;
import io.pacer.pacing.DialMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a CSV import of a large list (default one million rows) into a fresh database: wall time of the
 * import call (parse, normalise to E.164, derive the time zone, merge duplicates, commit) and the peak heap
 * used while it runs, sampled every 5 ms. Run it with a small {@code -Xmx} to show the import streams.
 *
 * <p>Arguments: {@code [rows] [jdbc-url [user]]}; without a URL it uses a SQLite file in a temporary directory.
 * See {@code benchmarks/README-import.md}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    /**
     * Runs the benchmark and prints two Markdown table rows: the list imported into an empty campaign, then a
     * REPLACE of a file that shares 90% of its numbers with it over the full list (the reconciliation: kept numbers
     * keep their row, a tenth are new, a tenth are archived).
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("pacer-import");
        String url = args.length > 1 ? args[1] : Database.sqliteUrl(dir);
        String user = args.length > 2 ? args[2] : null;
        Path csv = dir.resolve("contacts.csv");
        Path shifted = dir.resolve("contacts-shifted.csv");
        writeCsv(csv, 0, rows);
        writeCsv(shifted, rows / 10, rows);

        try (Storage storage = Storage.open(url, user, null, "benchmark", SystemClock.INSTANCE)) {
            Campaign campaign = storage.campaigns().create(new Campaign(0, "Import benchmark", "", CampaignStatus.DISABLED,
                    false, null, "Europe/Berlin", DialMode.PROGRESSIVE, 1, 0, 0.03, 25_000, 2_000, 100, List.of(), 10, 480, 1260,
                    Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(), List.of(), List.of()), System.currentTimeMillis());
            timedImport(storage, campaign.id(), csv, "empty list");
            timedImport(storage, campaign.id(), shifted, "REPLACE over the list");
            System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getVmVersion() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores");
        }
    }

    /** Imports {@code csv} with REPLACE, sampling the heap every 5 ms, and prints one table row. */
    private static void timedImport(Storage storage, long campaignId, Path csv, String what) throws IOException {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        ImportReport report;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            report = storage.importer().importCsv(campaignId, reader, ',',
                    new ColumnMapping(List.of("phone", "mobile"), "name", List.of("city", "plan"), null),
                    ImportMode.REPLACE, "benchmark", System.currentTimeMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.printf("| %s | %s | %,d | %,d | %,d | %,d | %,d | %.1f s | %,.0f rows/s | %d MiB | %d MiB |%n",
                storage.db().dialect(), what, report.rowsRead(), report.imported(), report.merged(), report.rejected(),
                report.archived(), seconds, report.rowsRead() / seconds, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * A list like the ones operators import: German numbers in national format, a second number column, free
     * fields; one row in a thousand is a duplicate and one in a thousand has no valid number.
     */
    private static void writeCsv(Path csv, int first, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("phone,mobile,name,city,plan\n");
            for (int i = first; i < first + rows; i++) {
                String phone;
                if (i % 1000 == 999) {
                    phone = "n/a";
                } else if (i % 1000 == 998) {
                    phone = "030 " + (10_000_000 + i - 1);
                } else {
                    phone = "030 " + (10_000_000 + i);
                }
                String mobile = i % 1000 == 999 ? "" : "0151 " + (20_000_000 + i);
                out.write(phone + "," + mobile + ",Contact " + i + ",Berlin,plan-" + (i % 7) + "\n");
            }
        }
    }
}
