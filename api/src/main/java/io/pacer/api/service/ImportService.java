package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ImportReport;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.error.NotPermittedException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV imports into a campaign's list, from text in hand or streamed from a file in the import directory (for
 * lists too large to send in one request). Files are named plainly, never by path, so a caller cannot read
 * outside that directory.
 */
public final class ImportService {

    private final Storage storage;
    private final Path importDir;

    /** Imports into storage; {@code importDir} is {@code null} when only text in hand can be imported. */
    public ImportService(Storage storage, Path importDir) {
        this.storage = storage;
        this.importDir = importDir;
    }

    /**
     * Imports a CSV: from the import directory's file {@code fileName}, or from {@code text} when no file is
     * named. With {@code dryRun} nothing is stored: the report says what the import would change.
     */
    public ImportReport importCsv(long campaignId, String fileName, Reader text, String separator, ColumnMapping mapping,
            ImportMode mode, String importedBy, boolean dryRun) throws IOException {
        if (separator.length() != 1) {
            throw new InvalidFieldException("separator", "must be one character");
        }
        try (Reader csv = fileName == null ? text : Files.newBufferedReader(importFile(fileName), StandardCharsets.UTF_8)) {
            return storage.importer().importCsv(campaignId, csv, separator.charAt(0), mapping, mode, importedBy,
                    storage.clock().epochMillis(), dryRun);
        }
    }

    /** The campaign's imports, newest first. */
    public List<ImportReport> history(long campaignId) {
        return storage.importer().history(campaignId);
    }

    /** The rows an import refused, a page at a time. */
    public List<ImportReport.ImportError> errors(long importId, int limit, int offset) {
        return storage.importer().errors(importId, limit, offset);
    }

    private Path importFile(String name) {
        if (importDir == null) {
            throw new InvalidFieldException("file", "no import directory is configured; send the CSV as the body");
        }
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new InvalidFieldException("file", "must be a plain file name in the import directory");
        }
        Path path = importDir.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("file", name);
        }
        try {
            // A symbolic link in the directory must not reach a file outside it (an operator's drop folder is
            // not a way to read /etc). The real path is the one opened, so the link cannot be swapped after.
            Path real = path.toRealPath();
            if (!real.startsWith(importDir.toRealPath())) {
                throw new NotPermittedException("file", "links to a file outside the import directory");
            }
            return real;
        } catch (IOException e) {
            throw new NotFoundException("file", name);
        }
    }
}
