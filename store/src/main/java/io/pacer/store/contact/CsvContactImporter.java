package io.pacer.store.contact;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.db.Database;
import io.pacer.store.db.FieldsJson;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.db.Jdbc;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a CSV file into a campaign's list in one transaction: rows are streamed (memory stays bounded
 * whatever the file's size), numbers normalised to E.164, duplicates merged, numbers on a do-not-call list
 * refused, and every bad row reported with its line and reason while the good rows go in. The call returns
 * once the import is committed; a failure leaves the list as it was.
 */
public final class CsvContactImporter {

    private static final int BATCH = 1000;
    private static final int ERRORS_IN_REPORT = 100;

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
        if (mode == null) {
            throw new InvalidFieldException("mode", "must be REPLACE or APPEND");
        }
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.done()) {
            throw new ConflictException("done", "campaign is done and read-only");
        }
        return db.write(c -> new Run(c, campaign, mapping, mode, userName, nowMillis).execute(csv, separator));
    }

    /** One import's state while its rows stream through. */
    private final class Run {
        private final Connection c;
        private final Campaign campaign;
        private final ColumnMapping mapping;
        private final ImportMode mode;
        private final String userName;
        private final long nowMillis;
        private final Map<String, Object[]> batch = new LinkedHashMap<>();
        private final List<ImportReport.ImportError> firstErrors = new ArrayList<>();
        private final List<ImportReport.ImportError> errorBatch = new ArrayList<>();
        private long importId;
        private long rows;
        private long valid;
        private long rejected;
        private long blocked;

        Run(Connection c, Campaign campaign, ColumnMapping mapping, ImportMode mode, String userName, long nowMillis) {
            this.c = c;
            this.campaign = campaign;
            this.mapping = mapping;
            this.mode = mode;
            this.userName = userName;
            this.nowMillis = nowMillis;
        }

        ImportReport execute(Reader csv, char separator) throws SQLException {
            long id = campaign.id();
            importId = Jdbc.insert(c, """
                    INSERT INTO imports(campaign_id, user_name, at_millis, mode, rows_read, imported, merged, rejected, blocked)
                    VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0) RETURNING id""", id, userName, nowMillis, mode);
            if (mode == ImportMode.REPLACE) {
                Jdbc.update(c, "DELETE FROM contacts WHERE campaign_id = ?", id);
            }
            long before = Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", id);
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).ignoreDifferentFieldCount(true)
                    .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(csv);
                 CloseableIterator<CsvRecord> records = reader.iterator();
                 PreparedStatement upsert = c.prepareStatement("""
                         INSERT INTO contacts(campaign_id, phone, name, fields, time_zone, state, next_due_millis)
                         VALUES (?, ?, ?, ?, ?, 'READY', ?)
                         ON CONFLICT (campaign_id, phone) DO UPDATE
                         SET name = excluded.name, fields = excluded.fields, time_zone = excluded.time_zone""")) {
                if (!records.hasNext()) {
                    throw new InvalidFieldException("file", "empty: a header line is needed");
                }
                Columns columns = new Columns(records.next().getFields(), mapping);
                while (records.hasNext()) {
                    row(records.next(), columns);
                    if (batch.size() >= BATCH) {
                        flush(upsert);
                    }
                }
                flush(upsert);
                flushErrors();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
                throw new InvalidFieldException("file", "not readable as CSV: " + e.getMessage());
            }
            long after = Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", id);
            long imported = after - before;
            long merged = valid - imported;
            Jdbc.update(c, "UPDATE imports SET rows_read = ?, imported = ?, merged = ?, rejected = ?, blocked = ? WHERE id = ?",
                    rows, imported, merged, rejected, blocked, importId);
            return new ImportReport(importId, id, userName, nowMillis, mode, rows, imported, merged, rejected, blocked,
                    List.copyOf(firstErrors));
        }

        private void row(CsvRecord record, Columns columns) throws SQLException {
            rows++;
            long line = record.getStartingLineNumber();
            if (record.getFieldCount() != columns.count) {
                reject(line, "has " + record.getFieldCount() + " fields, the header has " + columns.count);
                return;
            }
            PhoneNumbers.Normalised number = null;
            String problem = "no phone number";
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.phones.length; i++) {
                String raw = record.getField(columns.phones[i]);
                if (raw.isBlank()) {
                    continue;
                }
                if (number != null) {
                    fields.put(mapping.phoneColumns().get(i), raw);
                    continue;
                }
                try {
                    number = PhoneNumbers.normalise(raw, campaign.defaultRegion(), campaign.timeZone());
                } catch (InvalidFieldException e) {
                    problem = mapping.phoneColumns().get(i) + ": " + e.problem();
                }
            }
            if (number == null) {
                reject(line, problem);
                return;
            }
            String zone = number.timeZone();
            if (columns.timeZone >= 0) {
                String given = record.getField(columns.timeZone).trim();
                if (!given.isEmpty()) {
                    try {
                        zone = java.time.ZoneId.of(given).getId();
                    } catch (java.time.DateTimeException e) {
                        reject(line, mapping.timeZoneColumn() + ": not a time zone: " + given);
                        return;
                    }
                }
            }
            if (doNotCall.blocks(campaign.id(), number.e164())) {
                blocked++;
                reject(line, "number " + number.e164() + " is on the do-not-call list");
                return;
            }
            for (int i = 0; i < columns.fields.length; i++) {
                fields.put(mapping.fieldColumns().get(i), record.getField(columns.fields[i]));
            }
            String name = columns.name >= 0 ? record.getField(columns.name) : "";
            valid++;
            batch.put(number.e164(), new Object[] {name, FieldsJson.write(fields), zone});
        }

        private void reject(long line, String reason) throws SQLException {
            rejected++;
            ImportReport.ImportError error = new ImportReport.ImportError(line, reason);
            if (firstErrors.size() < ERRORS_IN_REPORT) {
                firstErrors.add(error);
            }
            errorBatch.add(error);
            if (errorBatch.size() >= BATCH) {
                flushErrors();
            }
        }

        private void flush(PreparedStatement upsert) throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            // Rows with the same number within one batch were merged in memory: PostgreSQL refuses to update a
            // row twice in one (rewritten, multi-row) statement.
            for (Map.Entry<String, Object[]> e : batch.entrySet()) {
                Object[] v = e.getValue();
                Jdbc.bind(upsert, campaign.id(), e.getKey(), v[0], v[1], v[2], nowMillis);
                upsert.addBatch();
            }
            upsert.executeBatch();
            batch.clear();
        }

        private void flushErrors() throws SQLException {
            if (errorBatch.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_errors(import_id, line, reason) VALUES (?, ?, ?)")) {
                for (ImportReport.ImportError e : errorBatch) {
                    Jdbc.bind(ps, importId, e.line(), e.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            errorBatch.clear();
        }
    }

    /** The header's column positions for the mapping. */
    private static final class Columns {
        final int count;
        final int[] phones;
        final int[] fields;
        final int name;
        final int timeZone;

        Columns(List<String> header, ColumnMapping mapping) {
            count = header.size();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).trim(), i);
            }
            phones = positions(index, mapping.phoneColumns(), "phone");
            fields = positions(index, mapping.fieldColumns(), "field");
            name = mapping.nameColumn() == null ? -1 : positions(index, List.of(mapping.nameColumn()), "name")[0];
            timeZone = mapping.timeZoneColumn() == null ? -1
                    : positions(index, List.of(mapping.timeZoneColumn()), "timeZone")[0];
        }

        private static int[] positions(Map<String, Integer> index, List<String> names, String field) {
            int[] positions = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                Integer p = index.get(names.get(i));
                if (p == null) {
                    throw new InvalidFieldException(field, "no column named " + names.get(i) + " in the header " + index.keySet());
                }
                positions[i] = p;
            }
            return positions;
        }
    }

    /** The import history of a campaign, newest first. */
    public List<ImportReport> history(long campaignId) {
        campaigns.get(campaignId);
        return db.read(c -> Jdbc.query(c, "SELECT * FROM imports WHERE campaign_id = ? ORDER BY id DESC",
                rs -> new ImportReport(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("user_name"),
                        rs.getLong("at_millis"), ImportMode.valueOf(rs.getString("mode")), rs.getLong("rows_read"),
                        rs.getLong("imported"), rs.getLong("merged"), rs.getLong("rejected"), rs.getLong("blocked"), List.of()),
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
