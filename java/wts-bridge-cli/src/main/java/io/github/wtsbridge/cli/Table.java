package io.github.wtsbridge.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: a header row, columns two spaces apart, numbers right-aligned, no trailing
 * blanks. A marked table starts every line with one more character, as qwinsta and quser do:
 * {@code >} on the row of the current session, a blank on the others and on the header.
 */
final class Table {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Boolean> marks = new ArrayList<>();
    private boolean marked;

    /** Headers; a header starting with '>' marks a right-aligned column (the '>' is dropped). */
    Table(String... headers) {
        this.headers = new String[headers.length];
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].startsWith(">");
            this.headers[i] = right[i] ? headers[i].substring(1) : headers[i];
        }
    }

    /** Gives every line the leading marker column. */
    Table marked() {
        marked = true;
        return this;
    }

    /** A row of a marked table: {@code current} puts the '>' before it. */
    Table markedRow(boolean current, Object... cells) {
        marked();
        row(cells);
        marks.set(marks.size() - 1, current);
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.length + " columns");
        }
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = clean(String.valueOf(cells[i]));
        }
        rows.add(texts);
        marks.add(false);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = width(headers[i]);
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        out.println((marked ? " " : "") + line(headers, widths));
        for (int r = 0; r < rows.size(); r++) {
            out.println((marked ? marks.get(r) ? ">" : " " : "") + line(rows.get(r), widths));
        }
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            int pad = widths[i] - width(cells[i]);
            if (right[i]) {
                b.append(" ".repeat(pad)).append(cells[i]);
            } else {
                b.append(cells[i]);
                if (!last) {
                    b.append(" ".repeat(pad));
                }
            }
            if (!last) {
                b.append("  ");
            }
        }
        return b.toString().stripTrailing();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Control characters (a newline in a name) would break the layout: shown as '?'. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
