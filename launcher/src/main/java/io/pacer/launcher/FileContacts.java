package io.pacer.launcher;

import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Contacts for {@code pacer run} without storage: text files read at start, one number per line, each dialled
 * once. Meant for trying a trunk, not for production lists (which need storage: retries, DNC, hours).
 */
final class FileContacts implements ContactSupply {
    private final Map<Integer, ArrayDeque<String>> numbers = new HashMap<>();
    private final Map<Integer, Long> nextId = new HashMap<>();

    void load(int campaignId, Path file) throws IOException {
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                queue.add(line.trim());
            }
        }
        numbers.put(campaignId, queue);
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        ArrayDeque<String> queue = numbers.get(campaignId);
        if (queue == null || queue.isEmpty()) {
            return false;
        }
        long id = nextId.merge(campaignId, 1L, Long::sum);
        out.contactId = id;
        out.number = queue.poll();
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        // Given-back contacts are not re-dialled by this file-based supply; storage does that properly.
    }
}
