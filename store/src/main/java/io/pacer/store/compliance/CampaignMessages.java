package io.pacer.store.compliance;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Each campaign's uploaded safe-harbour message (issue 12): the recording an abandoned customer hears, stored with
 * the campaign so that every engine that runs it plays the same one. Storing a message also names it as the
 * campaign's {@code abandonMessage}, in the same transaction, which is what lets a predictive campaign under
 * {@code fcc} or {@code ofcom} start. Whoever plays messages (the SIP adapter, wired by the launcher) listens for
 * changes and for the messages stored at start.
 */
public final class CampaignMessages {

    /** A stored message's description (not its audio). */
    public record Stored(long campaignId, String fileName, String encoding, long lengthMillis, long updatedMillis) {
    }

    private final Database db;
    private final List<BiConsumer<Long, byte[]>> listeners = new CopyOnWriteArrayList<>();

    /** Messages in {@code db}. */
    public CampaignMessages(Database db) {
        this.db = db;
    }

    /**
     * Checks and stores {@code wav} as {@code campaignId}'s message, replacing any before it, and tells the
     * listeners once it is committed.
     *
     * @throws InvalidFieldException on {@code body} for audio that cannot be played, on {@code name} for a bad name
     * @throws NotFoundException     for an unknown campaign (nothing stored)
     */
    public Stored upload(long campaignId, String fileName, byte[] wav, long nowMillis) {
        if (fileName == null || !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new InvalidFieldException("name", "must be 1 to 100 letters, digits, dots, dashes or underscores");
        }
        MessageAudio audio = MessageAudio.check(wav);
        String base64 = Base64.getEncoder().encodeToString(wav);
        db.write(c -> {
            if (Jdbc.update(c, "UPDATE campaigns SET abandon_message = ? WHERE id = ?", fileName, campaignId) == 0) {
                throw new NotFoundException("campaignId", campaignId);
            }
            Jdbc.update(c, "DELETE FROM campaign_messages WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, """
                    INSERT INTO campaign_messages(campaign_id, file_name, encoding, millis, audio_base64, uploaded_millis)
                    VALUES (?, ?, ?, ?, ?, ?)""", campaignId, fileName, audio.encoding(), audio.millis(), base64, nowMillis);
            return null;
        });
        listeners.forEach(l -> l.accept(campaignId, wav));
        return new Stored(campaignId, fileName, audio.encoding(), audio.millis(), nowMillis);
    }

    /** The campaign's message, if one was uploaded. */
    public Optional<Stored> get(long campaignId) {
        return db.read(c -> Jdbc.one(c, """
                SELECT file_name, encoding, millis, uploaded_millis FROM campaign_messages WHERE campaign_id = ?""",
                rs -> new Stored(campaignId, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), campaignId));
    }

    /** The uploaded WAV file of the campaign, if any. */
    public Optional<byte[]> audio(long campaignId) {
        return db.read(c -> Jdbc.one(c, "SELECT audio_base64 FROM campaign_messages WHERE campaign_id = ?",
                rs -> Base64.getDecoder().decode(rs.getString(1)), campaignId));
    }

    /**
     * Removes the campaign's uploaded message and the {@code abandonMessage} that named it; a campaign that must
     * have a message then cannot start until it has one again.
     *
     * @return whether there was one
     */
    public boolean delete(long campaignId) {
        boolean removed = db.write(c -> {
            Optional<String> name = Jdbc.one(c, "SELECT file_name FROM campaign_messages WHERE campaign_id = ?",
                    rs -> rs.getString(1), campaignId);
            if (name.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM campaign_messages WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "UPDATE campaigns SET abandon_message = NULL WHERE id = ? AND abandon_message = ?",
                    campaignId, name.get());
            return true;
        });
        if (removed) {
            listeners.forEach(l -> l.accept(campaignId, null));
        }
        return removed;
    }

    /** The ids of the campaigns with an uploaded message. */
    public List<Long> campaigns() {
        return db.read(c -> Jdbc.query(c, "SELECT campaign_id FROM campaign_messages ORDER BY campaign_id",
                rs -> rs.getLong(1)));
    }

    /** Calls {@code listener} with (campaign, WAV bytes) after each upload and (campaign, null) after each delete. */
    public void onChange(BiConsumer<Long, byte[]> listener) {
        listeners.add(listener);
    }
}
