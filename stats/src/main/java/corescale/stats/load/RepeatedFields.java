package corescale.stats.load;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.Arrays;

/**
 * FastCSV's records for a file whose rows mostly repeat the row before them: results.csv repeats
 * the run's and the point's columns on every iteration, so a field equal to the same field of the
 * previous record is given as that record's String, and only the fields that change become new
 * Strings (3 of 23 per row of a sweep). Making a String of every field was half the time of reading
 * a million rows. One object serves every record: a record holds until the next one is read.
 */
final class RepeatedFields extends AbstractBaseCsvCallbackHandler<RepeatedFields> {

    private String[] fields = new String[32];
    private int lineBreaks;

    @Override
    protected void handleBegin(long startingLineNumber) {
        super.handleBegin(startingLineNumber);
        lineBreaks = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (quoted) { // only a quoted field can hold a line break
            for (int i = offset; i < offset + length; i++) {
                lineBreaks += buf[i] == '\n' ? 1 : 0;
            }
        }
        if (index == fields.length) {
            fields = Arrays.copyOf(fields, 2 * fields.length);
        }
        String last = fields[index];
        if (last == null || !same(last, buf, offset, length)) {
            fields[index] = new String(buf, offset, length);
        }
    }

    private static boolean same(String s, char[] buf, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected RepeatedFields buildRecord() {
        return this;
    }

    /** The fields of the current record. */
    int size() {
        return getFieldCount();
    }

    /** Field {@code i} of the current record ({@code i < size()}). */
    String get(int i) {
        return fields[i];
    }

    /** The line the current record starts on, counted from 1 in what the parser was given. */
    long line() {
        return getStartingLineNumber();
    }

    /** The line breaks inside the current record's quoted fields. */
    int lineBreaks() {
        return lineBreaks;
    }
}
