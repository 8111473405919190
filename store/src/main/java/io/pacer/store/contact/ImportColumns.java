package io.pacer.store.contact;

import io.pacer.store.error.InvalidFieldException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header's column positions for an import's mapping; a mapped column missing from the header is refused. */
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
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).trim(), i);
        }
        phones = positions(index, mapping.phoneColumns(), "phone");
        numbers = positions(index, mapping.numberColumns().stream().map(ColumnMapping.NumberColumn::column).toList(), "number");
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
