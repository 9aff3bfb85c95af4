package dev.jrq.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A job hash's text fields as an immutable map, in the hash's own field order, read from a take's reply by
 * {@link PackedJobHash}. Lookups scan the fields (a job has 13 to 25 of them; RQ's names are shared constants, so
 * most comparisons are one identity check).
 *
 * <p>why not {@code HashMap} then {@code Map.copyOf}: a worker builds one per job it runs, and the map, its nodes
 * and the immutable copy were a fifth of what a drained job allocated (JFR); this is one array.
 */
public final class JobFields extends AbstractMap<String, String> {
    /** Field, value, field, value, ...; only the first {@code 2 * size} slots are used. */
    private final String[] fieldsAndValues;
    private final int size;
    private Set<Entry<String, String>> entries;

    JobFields(String[] fieldsAndValues, int size) {
        this.fieldsAndValues = fieldsAndValues;
        this.size = size;
    }

    @Override
    public String get(Object field) {
        int at = indexOf(field);
        return at < 0 ? null : fieldsAndValues[at + 1];
    }

    @Override
    public boolean containsKey(Object field) {
        return indexOf(field) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = 2 * next++;
                            return Map.entry(fieldsAndValues[at], fieldsAndValues[at + 1]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
        return entries;
    }

    private int indexOf(Object field) {
        return indexOf(fieldsAndValues, 2 * size, field);
    }

    /** Where {@code field} is among the first {@code length} slots of field, value, ... pairs; -1 when absent. */
    static int indexOf(String[] fieldsAndValues, int length, Object field) {
        for (int at = 0; at < length; at += 2) {
            if (fieldsAndValues[at].equals(field)) {
                return at;
            }
        }
        return -1;
    }
}
