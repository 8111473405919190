package io.pacer.store.compliance;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.NotFoundException;

/**
 * Assured contacts (issue 12): a contact (or the callback it waits for) marked assured is handed to the core only
 * with a request to reserve an agent before the dial, so its answer always has an agent and is never abandoned.
 * That is what lets a contact be called again inside the lockout after an abandoned call, as Ofcom allows with a
 * guaranteed live agent: marking a locked-out contact assured makes it due at once.
 */
public final class ContactAssurance {
    private final Database db;

    /** Assurance in {@code db}. */
    public ContactAssurance(Database db) {
        this.db = db;
    }

    /**
     * Marks the contact assured or not. Marking it assured while the lockout holds it back makes it due now.
     *
     * @throws NotFoundException for an unknown contact (nothing changed)
     */
    public boolean set(long campaignId, long contactId, boolean assured, long nowMillis) {
        db.write(c -> {
            if (Jdbc.update(c, "UPDATE contacts SET assured = ? WHERE id = ? AND campaign_id = ?",
                    assured ? 1 : 0, contactId, campaignId) == 0) {
                throw new NotFoundException("contactId", contactId);
            }
            if (assured) {
                Jdbc.update(c, """
                        UPDATE contacts SET next_due_millis = ? WHERE id = ? AND state IN ('READY', 'CALLBACK')
                          AND next_due_millis > ?
                          AND next_due_millis = (SELECT MAX(until_millis) FROM dial_refusals WHERE contact_id = ?
                                                 AND reason = 'LOCKOUT')""", nowMillis, contactId, nowMillis, contactId);
            }
            return null;
        });
        return assured;
    }

    /** Whether the contact is assured; not found for an unknown contact. */
    public boolean get(long campaignId, long contactId) {
        return db.read(c -> Jdbc.one(c, "SELECT assured FROM contacts WHERE id = ? AND campaign_id = ?",
                rs -> rs.getInt(1) == 1, contactId, campaignId))
                .orElseThrow(() -> new NotFoundException("contactId", contactId));
    }
}
