package io.pacer.store.contact;

import io.pacer.store.error.InvalidFieldException;
import java.util.List;

/**
 * Which columns of an import file mean what. With phone columns, the first one that holds a valid number is the
 * contact's number and further phone columns are kept as free fields. With number columns instead, every
 * non-empty one is one of the contact's numbers, of the column's type, in the columns' order (its attempt chain).
 *
 * @param phoneColumns    columns holding phone numbers; at least one unless number columns are given
 * @param nameColumn      column with the contact's name, or {@code null}
 * @param fieldColumns    columns shown to the agent as free fields
 * @param timeZoneColumn  column with the contact's time zone, or {@code null} to derive it from the number
 * @param numberColumns   columns each holding one of several numbers, with its type; empty for phone columns
 * @param listId          the campaign's list the new contacts go into, or -1 for its default list
 */
public record ColumnMapping(List<String> phoneColumns, String nameColumn, List<String> fieldColumns, String timeZoneColumn,
        List<NumberColumn> numberColumns, long listId) {

    /** A column holding one of a contact's numbers, and the type of the numbers it holds. */
    public record NumberColumn(String column, NumberType type) {

        /** Reads {@code column:TYPE} (type HOME, MOBILE, WORK or OTHER; OTHER when left out). */
        public static NumberColumn parse(String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon < 0) {
                return new NumberColumn(spec, NumberType.OTHER);
            }
            try {
                return new NumberColumn(spec.substring(0, colon), NumberType.valueOf(spec.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("number", "type must be HOME, MOBILE, WORK or OTHER in column:TYPE, was " + spec);
            }
        }
    }

    /** A mapping with phone columns only, into the default list. */
    public ColumnMapping(List<String> phoneColumns, String nameColumn, List<String> fieldColumns, String timeZoneColumn) {
        this(phoneColumns, nameColumn, fieldColumns, timeZoneColumn, List.of(), -1);
    }

    /** Checks the mapping on its own (whether the columns exist is checked against the file's header). */
    public ColumnMapping {
        phoneColumns = List.copyOf(phoneColumns == null ? List.of() : phoneColumns);
        numberColumns = List.copyOf(numberColumns == null ? List.of() : numberColumns);
        if (phoneColumns.isEmpty() && numberColumns.isEmpty()) {
            throw new InvalidFieldException("phone", "at least one phone column (or number column) must be mapped");
        }
        if (!phoneColumns.isEmpty() && !numberColumns.isEmpty()) {
            throw new InvalidFieldException("number", "map either phone columns or number columns, not both");
        }
        if (numberColumns.size() > ContactNumbers.MAX_NUMBERS) {
            throw new InvalidFieldException("number", "at most " + ContactNumbers.MAX_NUMBERS + " number columns");
        }
        fieldColumns = List.copyOf(fieldColumns == null ? List.of() : fieldColumns);
    }
}
