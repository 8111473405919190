package io.pacer.store.contact;

import java.util.List;

/**
 * The outcome of one import, as kept in the campaign's import history.
 *
 * @param id         import id
 * @param campaignId campaign
 * @param userName   who imported
 * @param atMillis   when (epoch ms)
 * @param mode       replace or append
 * @param rowsRead   data rows in the file
 * @param imported   contacts new in the list
 * @param merged     rows merged into a contact already in the list or earlier in the file
 * @param rejected   bad rows, each reported with its line and reason
 * @param blocked    rows whose number is on a do-not-call list (also reported as rejected lines)
 * @param archived   contacts a REPLACE archived because the file no longer holds their number
 * @param dryRun     whether this only reports what the import would change (nothing was stored; id is 0)
 * @param errors     the first rejected lines (all of them are kept, see the import's errors)
 */
public record ImportReport(long id, long campaignId, String userName, long atMillis, ImportMode mode, long rowsRead,
        long imported, long merged, long rejected, long blocked, long archived, boolean dryRun, List<ImportError> errors) {

    /** One bad row: its line in the file and what is wrong with it. */
    public record ImportError(long line, String reason) {
    }
}
