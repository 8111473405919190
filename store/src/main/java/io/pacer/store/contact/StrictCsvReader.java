package io.pacer.store.contact;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads CSV records one at a time with strict RFC 4180 quoting, so a malformed line is reported on its own
 * instead of swallowing the lines after it. A quote inside an unquoted field, text after a closing quote, or a
 * quote left open is a malformed record: it is returned with its problem and its starting line, and reading goes
 * on at the next physical line. A quoted field may span lines, but at most {@link #MAX_LINES_PER_RECORD} of them
 * (a contact list has no long multi-line values; a stray quote must cost one line, not the rest of the file).
 * A UTF-8 byte order mark before the first line is dropped; empty lines are skipped.
 *
 * <p>Memory is bounded by one record's lines, whatever the file's size.
 */
final class StrictCsvReader {

    /** Most physical lines one record (a quoted field with line breaks) may span. */
    static final int MAX_LINES_PER_RECORD = 20;

    /**
     * One record.
     *
     * @param line    its first line in the file (1-based)
     * @param fields  its fields, or empty when malformed
     * @param problem what is wrong with it, or {@code null}
     */
    record Row(long line, List<String> fields, String problem) {
    }

    private record Physical(long number, String text) {
    }

    private final Reader in;
    private final char separator;
    private final Deque<Physical> pushedBack = new ArrayDeque<>();
    private final StringBuilder lineBuffer = new StringBuilder();
    private final List<Physical> spanned = new ArrayList<>();
    private String text;
    private int pos;
    private long lineNumber;
    private boolean atStart = true;
    private boolean pendingLf;

    StrictCsvReader(Reader in, char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator must not be a quote or a line break");
        }
        this.in = in;
        this.separator = separator;
    }

    /** The next record, or {@code null} at the end of the file. */
    Row next() throws IOException {
        Physical first;
        do {
            first = nextPhysical();
            if (first == null) {
                return null;
            }
        } while (first.text().isEmpty());
        spanned.clear();
        spanned.add(first);
        text = first.text();
        pos = 0;
        List<String> fields = new ArrayList<>();
        while (true) {
            String problem = pos < text.length() && text.charAt(pos) == '"' ? quotedField(fields) : unquotedField(fields);
            if (problem != null) {
                return malformed(problem);
            }
            if (pos >= text.length()) {
                return new Row(first.number(), fields, null);
            }
            pos++;
        }
    }

    /** Reads an unquoted field up to the separator or the end of the line; a quote in it is a problem. */
    private String unquotedField(List<String> fields) {
        int end = pos;
        while (end < text.length() && text.charAt(end) != separator) {
            if (text.charAt(end) == '"') {
                return "a quote inside an unquoted field (field " + (fields.size() + 1) + ")";
            }
            end++;
        }
        fields.add(text.substring(pos, end));
        pos = end;
        return null;
    }

    /** Reads a quoted field, across line breaks if need be, up to the separator or the end of the record. */
    private String quotedField(List<String> fields) throws IOException {
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            if (pos == text.length()) {
                Physical more = spanned.size() < MAX_LINES_PER_RECORD ? nextPhysical() : null;
                if (more == null) {
                    return "a quote opened in field " + (fields.size() + 1) + " is not closed";
                }
                spanned.add(more);
                field.append('\n');
                text = more.text();
                pos = 0;
            } else if (text.charAt(pos) != '"') {
                field.append(text.charAt(pos++));
            } else if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
            } else {
                pos++;
                fields.add(field.toString());
                return pos == text.length() || text.charAt(pos) == separator ? null
                        : "text after the closing quote of field " + fields.size();
            }
        }
    }

    /** Reports the record's first line as malformed and gives the lines after it back to be read again. */
    private Row malformed(String problem) {
        for (int k = spanned.size() - 1; k >= 1; k--) {
            pushedBack.addFirst(spanned.get(k));
        }
        return new Row(spanned.get(0).number(), List.of(), problem);
    }

    private Physical nextPhysical() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.removeFirst();
        }
        lineBuffer.setLength(0);
        int ch;
        while ((ch = in.read()) != -1) {
            if (pendingLf) {
                pendingLf = false;
                if (ch == '\n') {
                    continue;
                }
            }
            if (atStart) {
                atStart = false;
                if (ch == '\uFEFF') {
                    continue;
                }
            }
            if (ch == '\n' || ch == '\r') {
                pendingLf = ch == '\r';
                return new Physical(++lineNumber, lineBuffer.toString());
            }
            lineBuffer.append((char) ch);
        }
        if (lineBuffer.length() == 0) {
            return null;
        }
        return new Physical(++lineNumber, lineBuffer.toString());
    }
}
