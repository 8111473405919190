package io.pacer.store.contact;

import io.pacer.store.error.InvalidFieldException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header's column positions for an import's mapping. A mapped column missing from the header is refused, and
 * so is one the header names twice: which of the two holds the numbers (or names) would be a guess, and a wrong
 * guess imports the wrong data without a word.
 */
final class ImportColumns {
    final int count;
    final int[] phones;
    final int[] numbers;
    final int[] fields;
    final int name;
    final int timeZone;

    ImportColumns(List<String> header, ColumnMapping mapping) {
        count = header.size();
        Map<String, Integer> index = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.putIfAbsent(header.get(i).trim(), i) != null) {
                twice.add(header.get(i).trim());
            }
        }
        index.keySet().removeAll(twice);
        phones = positions(index, twice, mapping.phoneColumns(), "phone");
        numbers = positions(index, twice, mapping.numberColumns().stream().map(ColumnMapping.NumberColumn::column).toList(), "number");
        fields = positions(index, twice, mapping.fieldColumns(), "field");
        name = mapping.nameColumn() == null ? -1 : positions(index, twice, List.of(mapping.nameColumn()), "name")[0];
        timeZone = mapping.timeZoneColumn() == null ? -1
                : positions(index, twice, List.of(mapping.timeZoneColumn()), "timeZone")[0];
    }

    private static int[] positions(Map<String, Integer> index, Set<String> twice, List<String> names, String field) {
        int[] positions = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer p = index.get(names.get(i));
            if (p == null && twice.contains(names.get(i))) {
                throw new InvalidFieldException(field, "the header has two columns named " + names.get(i));
            }
            if (p == null) {
                throw new InvalidFieldException(field, "no column named " + names.get(i) + " in the header " + index.keySet());
            }
            positions[i] = p;
        }
        return positions;
    }
}
