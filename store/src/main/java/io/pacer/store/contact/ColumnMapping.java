package io.pacer.store.contact;

import io.pacer.store.error.InvalidFieldException;
import java.util.List;

/**
 * Which columns of an import file mean what. The first phone column that holds a valid number is the
 * contact's number; further phone columns are kept as free fields.
 *
 * @param phoneColumns    columns holding phone numbers, at least one
 * @param nameColumn      column with the contact's name, or {@code null}
 * @param fieldColumns    columns shown to the agent as free fields
 * @param timeZoneColumn  column with the contact's time zone, or {@code null} to derive it from the number
 */
public record ColumnMapping(List<String> phoneColumns, String nameColumn, List<String> fieldColumns, String timeZoneColumn) {

    /** Checks the mapping on its own (whether the columns exist is checked against the file's header). */
    public ColumnMapping {
        if (phoneColumns == null || phoneColumns.isEmpty()) {
            throw new InvalidFieldException("phone", "at least one phone column must be mapped");
        }
        phoneColumns = List.copyOf(phoneColumns);
        fieldColumns = List.copyOf(fieldColumns == null ? List.of() : fieldColumns);
    }
}
