package io.pacer.store.compliance;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.util.Optional;

/**
 * Consent provenance of contacts (issue 12): the basis a contact may be called on, where it came from and when.
 * A campaign that requires consent ({@code requireConsent}) never dials a contact without a basis; the hopper
 * records each such refusal ({@link RefusalReason#CONSENT}).
 */
public final class ContactConsent {

    /**
     * A contact's consent.
     *
     * @param basis     the legal basis, e.g. {@code express_written}, {@code existing_customer}, {@code legitimate_interest}
     * @param source    where it was obtained (a web form, a call recording, a contract), free text
     * @param atMillis  when it was given (epoch ms)
     */
    public record Consent(String basis, String source, long atMillis) {
        /** Checks the fields: a basis of 1 to 100 characters, a source of at most 500, a time not in the future. */
        public Consent {
            if (basis == null || basis.isBlank() || basis.length() > 100) {
                throw new InvalidFieldException("basis", "must be 1 to 100 characters");
            }
            if (source != null && source.length() > 500) {
                throw new InvalidFieldException("source", "must be at most 500 characters");
            }
            if (atMillis <= 0) {
                throw new InvalidFieldException("atMillis", "must be the time the consent was given");
            }
        }
    }

    private final Database db;

    /** Consent in {@code db}. */
    public ContactConsent(Database db) {
        this.db = db;
    }

    /**
     * Records the consent of contact {@code contactId} of {@code campaignId}, replacing what it had.
     *
     * @throws InvalidFieldException on {@code atMillis} for a time after {@code nowMillis}
     * @throws NotFoundException     for an unknown contact (nothing stored)
     */
    public Consent set(long campaignId, long contactId, Consent consent, long nowMillis) {
        if (consent.atMillis() > nowMillis + 60_000) {
            throw new InvalidFieldException("atMillis", "is in the future");
        }
        db.write(c -> {
            if (Jdbc.update(c, """
                    UPDATE contacts SET consent_basis = ?, consent_source = ?, consent_millis = ?
                    WHERE id = ? AND campaign_id = ?""", consent.basis(), consent.source(), consent.atMillis(),
                    contactId, campaignId) == 0) {
                throw new NotFoundException("contactId", contactId);
            }
            // A contact held back only for want of consent is due again now, not at its day-later recheck.
            Jdbc.update(c, """
                    UPDATE contacts SET next_due_millis = ? WHERE id = ? AND state IN ('READY', 'CALLBACK')
                      AND next_due_millis = (SELECT MAX(until_millis) FROM dial_refusals WHERE contact_id = ?
                                             AND reason = 'CONSENT')""", nowMillis, contactId, contactId);
            return null;
        });
        return consent;
    }

    /** The contact's consent, if any; not found for an unknown contact. */
    public Optional<Consent> get(long campaignId, long contactId) {
        Object[] row = db.read(c -> Jdbc.one(c, """
                SELECT consent_basis, consent_source, consent_millis FROM contacts WHERE id = ? AND campaign_id = ?""",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, contactId, campaignId))
                .orElseThrow(() -> new NotFoundException("contactId", contactId));
        return row[0] == null ? Optional.empty() : Optional.of(new Consent((String) row[0], (String) row[1], (Long) row[2]));
    }

    /** Withdraws the contact's consent; a campaign that requires consent stops dialling it. */
    public void withdraw(long campaignId, long contactId) {
        db.write(c -> {
            if (Jdbc.update(c, """
                    UPDATE contacts SET consent_basis = NULL, consent_source = NULL, consent_millis = NULL
                    WHERE id = ? AND campaign_id = ?""", contactId, campaignId) == 0) {
                throw new NotFoundException("contactId", contactId);
            }
            return null;
        });
    }
}
