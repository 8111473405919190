package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Imports a CSV file into a campaign's list in one transaction: rows are streamed (memory stays bounded
 * whatever the file's size) through a strict CSV reader, numbers normalised to E.164, duplicates merged, numbers
 * on a do-not-call list refused, and every bad row (a malformed quote included) reported with its line and reason
 * while the good rows go in. APPEND merges; REPLACE reconciles (kept numbers keep their row, the others are
 * archived). The call returns once the import is committed; a failure leaves the list as it was.
 */
public final class CsvContactImporter {

    private final Database db;
    private final CampaignRepository campaigns;
    private final DoNotCallList doNotCall;

    /** An importer writing to a database. */
    public CsvContactImporter(Database db, CampaignRepository campaigns, DoNotCallList doNotCall) {
        this.db = db;
        this.campaigns = campaigns;
        this.doNotCall = doNotCall;
    }

    /** Reads the whole file and imports it; the report is that of the committed import. */
    public ImportReport importCsv(long campaignId, Reader csv, char separator, ColumnMapping mapping, ImportMode mode,
            String userName, long nowMillis) {
        return importCsv(campaignId, csv, separator, mapping, mode, userName, nowMillis, false);
    }

    /**
     * Reads the whole file and imports it, or with {@code dryRun} only reports what the import would change
     * (the same work in a transaction that is then rolled back, so the report is exact and nothing is stored).
     */
    public ImportReport importCsv(long campaignId, Reader csv, char separator, ColumnMapping mapping, ImportMode mode,
            String userName, long nowMillis, boolean dryRun) {
        if (mode == null) {
            throw new InvalidFieldException("mode", "must be REPLACE or APPEND");
        }
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new InvalidFieldException("separator", "must not be a quote or a line break");
        }
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.done()) {
            throw new ConflictException("done", "campaign is done and read-only");
        }
        Reader buffered = csv instanceof BufferedReader ? csv : new BufferedReader(csv, 1 << 16);
        try {
            return db.write(c -> {
                ImportReport report;
                try {
                    report = new ImportRun(c, db.dialect(), campaign, mapping, mode, userName, nowMillis, doNotCall)
                            .execute(buffered, separator, dryRun);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (dryRun) {
                    throw new DryRunDone(report);
                }
                return report;
            });
        } catch (DryRunDone done) {
            return done.report;
        }
    }

    /** Carries a dry run's report out of its transaction, which the throw rolls back. */
    private static final class DryRunDone extends RuntimeException {
        final transient ImportReport report;

        DryRunDone(ImportReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    /** The import history of a campaign, newest first. */
    public List<ImportReport> history(long campaignId) {
        campaigns.get(campaignId);
        return db.read(c -> Jdbc.query(c, "SELECT * FROM imports WHERE campaign_id = ? ORDER BY id DESC",
                rs -> new ImportReport(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("user_name"),
                        rs.getLong("at_millis"), ImportMode.valueOf(rs.getString("mode")), rs.getLong("rows_read"),
                        rs.getLong("imported"), rs.getLong("merged"), rs.getLong("rejected"), rs.getLong("blocked"),
                        rs.getLong("archived"), false, List.of()),
                campaignId));
    }

    /** Every rejected line of an import, in file order. */
    public List<ImportReport.ImportError> errors(long importId, int limit, int offset) {
        return db.read(c -> {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM imports WHERE id = ?", importId) == 0) {
                throw new NotFoundException("importId", importId);
            }
            return Jdbc.query(c, "SELECT line, reason FROM import_errors WHERE import_id = ? ORDER BY line LIMIT ? OFFSET ?",
                    rs -> new ImportReport.ImportError(rs.getLong(1), rs.getString(2)), importId, limit, offset);
        });
    }
}
