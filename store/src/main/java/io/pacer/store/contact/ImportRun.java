package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.db.Dialect;
import io.pacer.store.db.FieldsJson;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One import's state while its rows stream through, inside the import's transaction. Rows are merged in batches:
 * a number already in the list keeps its row (id, state, history, callbacks) and takes only the columns the file
 * maps; a number new to the list is inserted READY. A REPLACE then archives what the file no longer holds, unless
 * the file had no valid row at all (then the list is left as it was).
 */
final class ImportRun {

    private static final int BATCH = 1000;
    private static final int ERRORS_IN_REPORT = 100;

    /** A valid row waiting in the batch: what the file gives for its number. */
    private record Given(String name, Map<String, String> fields, String timeZone, boolean timeZoneGiven,
            List<ContactNumber> numbers) {
    }

    /** Why a row's number columns gave no number to store (rejected, or every number blocked). */
    private static final class NoNumber extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean blocked;

        NoNumber(String reason, boolean blocked) {
            super(reason, null, false, false);
            this.blocked = blocked;
        }
    }

    private final Connection c;
    private final Dialect dialect;
    private final Campaign campaign;
    private final ColumnMapping mapping;
    private final ImportMode mode;
    private final String userName;
    private final long nowMillis;
    private final DoNotCallList doNotCall;
    private final Map<String, Given> batch = new LinkedHashMap<>();
    private final List<ImportReport.ImportError> firstErrors = new ArrayList<>();
    private final List<ImportReport.ImportError> errorBatch = new ArrayList<>();
    private long importId;
    private long rows;
    private long valid;
    private long imported;
    private long rejected;
    private long blocked;

    ImportRun(Connection c, Dialect dialect, Campaign campaign, ColumnMapping mapping, ImportMode mode, String userName,
            long nowMillis, DoNotCallList doNotCall) {
        this.c = c;
        this.dialect = dialect;
        this.campaign = campaign;
        this.mapping = mapping;
        this.mode = mode;
        this.userName = userName;
        this.nowMillis = nowMillis;
        this.doNotCall = doNotCall;
    }

    ImportReport execute(Reader csv, char separator, boolean dryRun) throws SQLException, IOException {
        long id = campaign.id();
        if (mapping.listId() >= 0) {
            ContactLists.get(c, id, mapping.listId());
        }
        importId = Jdbc.insert(c, """
                INSERT INTO imports(campaign_id, user_name, at_millis, mode, rows_read, imported, merged, rejected, blocked)
                VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0) RETURNING id""", id, userName, nowMillis, mode);
        StrictCsvReader reader = new StrictCsvReader(csv, separator);
        StrictCsvReader.Row header = reader.next();
        if (header == null) {
            throw new InvalidFieldException("file", "empty: a header line is needed");
        }
        if (header.problem() != null) {
            throw new InvalidFieldException("file", "header line " + header.line() + ": " + header.problem());
        }
        ImportColumns columns = new ImportColumns(header.fields(), mapping);
        StrictCsvReader.Row row;
        while ((row = reader.next()) != null) {
            row(row, columns);
            if (batch.size() >= BATCH) {
                flush();
            }
        }
        flush();
        flushErrors();
        long archived = 0;
        if (mode == ImportMode.REPLACE && valid > 0) {
            // Contacts in a call keep their row as is: their outcome is still to be written.
            archived = Jdbc.update(c, """
                    UPDATE contacts SET state = 'ARCHIVED' WHERE campaign_id = ? AND state NOT IN ('ARCHIVED', 'DIALING')
                    AND (seen_import IS NULL OR seen_import <> ?)""", id, importId);
        }
        long merged = valid - imported;
        Jdbc.update(c, """
                UPDATE imports SET rows_read = ?, imported = ?, merged = ?, rejected = ?, blocked = ?, archived = ?
                WHERE id = ?""", rows, imported, merged, rejected, blocked, archived, importId);
        return new ImportReport(dryRun ? 0 : importId, id, userName, nowMillis, mode, rows, imported, merged, rejected,
                blocked, archived, dryRun, List.copyOf(firstErrors));
    }

    private void row(StrictCsvReader.Row record, ImportColumns columns) throws SQLException {
        rows++;
        long line = record.line();
        if (record.problem() != null) {
            reject(line, record.problem());
            return;
        }
        List<String> cells = record.fields();
        if (cells.size() != columns.count) {
            reject(line, "has " + cells.size() + " fields, the header has " + columns.count);
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<ContactNumber> numbers = List.of();
        PhoneNumbers.Normalised number;
        try {
            if (columns.numbers.length > 0) {
                numbers = numbers(cells, columns);
                number = new PhoneNumbers.Normalised(numbers.get(0).number(), numbers.get(0).timeZone());
            } else {
                number = phone(cells, columns, fields);
            }
        } catch (NoNumber e) {
            blocked += e.blocked ? 1 : 0;
            reject(line, e.getMessage());
            return;
        }
        String given = columns.timeZone >= 0 ? cells.get(columns.timeZone).trim() : "";
        String zone = number.timeZone();
        if (!given.isEmpty()) {
            try {
                zone = java.time.ZoneId.of(given).getId();
            } catch (java.time.DateTimeException e) {
                reject(line, mapping.timeZoneColumn() + ": not a time zone: " + given);
                return;
            }
        }
        if (doNotCall.blocks(campaign.id(), number.e164())) {
            blocked++;
            reject(line, "number " + number.e164() + " is on the do-not-call list");
            return;
        }
        for (int i = 0; i < columns.fields.length; i++) {
            fields.put(mapping.fieldColumns().get(i), cells.get(columns.fields[i]));
        }
        valid++;
        batch.put(number.e164(), new Given(columns.name >= 0 ? cells.get(columns.name) : null, fields, zone, !given.isEmpty(),
                numbers));
    }

    /** The first valid phone column's number; the other phone columns become free fields. */
    private PhoneNumbers.Normalised phone(List<String> cells, ImportColumns columns, Map<String, String> fields) throws NoNumber {
        PhoneNumbers.Normalised number = null;
        String problem = "no phone number";
        for (int i = 0; i < columns.phones.length; i++) {
            String raw = cells.get(columns.phones[i]);
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
            throw new NoNumber(problem, false);
        }
        return number;
    }

    /**
     * Every non-empty number column as one of the contact's numbers, in the columns' order. A number that is not
     * valid rejects the row (naming its column); a number on the do-not-call list is left out, and a row whose
     * numbers are all blocked counts as blocked.
     */
    private List<ContactNumber> numbers(List<String> cells, ImportColumns columns) throws NoNumber {
        List<ContactNumber> numbers = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String blockedNumber = null;
        for (int i = 0; i < columns.numbers.length; i++) {
            String raw = cells.get(columns.numbers[i]);
            ColumnMapping.NumberColumn column = mapping.numberColumns().get(i);
            if (raw.isBlank()) {
                continue;
            }
            PhoneNumbers.Normalised n;
            try {
                n = PhoneNumbers.normalise(raw, campaign.defaultRegion(), campaign.timeZone());
            } catch (InvalidFieldException e) {
                throw new NoNumber(column.column() + ": " + e.problem(), false);
            }
            if (doNotCall.blocks(campaign.id(), n.e164())) {
                blockedNumber = n.e164();
            } else if (seen.add(n.e164())) {
                numbers.add(new ContactNumber(numbers.size(), n.e164(), column.type(), n.timeZone(), -1, -1, 0, null));
            }
        }
        if (numbers.isEmpty()) {
            throw blockedNumber == null ? new NoNumber("no phone number", false)
                    : new NoNumber("number " + blockedNumber + " is on the do-not-call list", true);
        }
        return numbers;
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

    /** Writes the batch: merges into the numbers already in the list, inserts the others. */
    private void flush() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Object[]> existing = ListedNumbers.find(c, dialect, campaign.id(), batch.keySet());
        try (PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO contacts(campaign_id, phone, name, fields, time_zone, state, next_due_millis, seen_import)
                     VALUES (?, ?, ?, ?, ?, 'READY', ?, ?)""");
             PreparedStatement merge = c.prepareStatement("""
                     UPDATE contacts SET name = ?, fields = ?, time_zone = ?, seen_import = ?,
                       next_due_millis = CASE WHEN state = 'ARCHIVED' THEN ? ELSE next_due_millis END,
                       state = CASE WHEN state = 'ARCHIVED' THEN 'READY' ELSE state END
                     WHERE id = ?""")) {
            for (Map.Entry<String, Given> e : batch.entrySet()) {
                Given g = e.getValue();
                Object[] old = existing.get(e.getKey());
                if (old == null) {
                    Jdbc.bind(insert, campaign.id(), e.getKey(), g.name() == null ? "" : g.name(),
                            FieldsJson.write(g.fields()), g.timeZone(), nowMillis, importId);
                    insert.addBatch();
                    imported++;
                    continue;
                }
                // Only the columns the file maps change; the rest of what the list knows stays.
                Map<String, String> fields = new LinkedHashMap<>(FieldsJson.read((String) old[2]));
                fields.putAll(g.fields());
                Jdbc.bind(merge, g.name() == null ? old[1] : g.name(), FieldsJson.write(fields),
                        g.timeZoneGiven() ? g.timeZone() : old[3], importId, nowMillis, old[0]);
                merge.addBatch();
            }
            insert.executeBatch();
            merge.executeBatch();
        }
        writeNumbers();
        batch.clear();
    }

    /** Stores the numbers of the batch's rows that came from number columns, and puts new contacts in the list. */
    private void writeNumbers() throws SQLException {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Given> e : batch.entrySet()) {
            if (!e.getValue().numbers().isEmpty() || mapping.listId() >= 0) {
                keys.add(e.getKey());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object[]> e : ListedNumbers.find(c, dialect, campaign.id(), keys).entrySet()) {
            long contactId = (Long) e.getValue()[0];
            List<ContactNumber> numbers = batch.get(e.getKey()).numbers();
            if (!numbers.isEmpty()) {
                ContactNumbers.write(c, contactId, numbers);
                Jdbc.update(c, "UPDATE contacts SET number_position = 0, round_tries = 0 WHERE id = ? AND state <> 'DIALING'", contactId);
            }
            if (mapping.listId() >= 0) {
                Jdbc.update(c, "UPDATE contacts SET list_id = ? WHERE id = ?", mapping.listId(), contactId);
            }
        }
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
