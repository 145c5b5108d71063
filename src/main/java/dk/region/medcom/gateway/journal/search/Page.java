package dk.region.medcom.gateway.journal.search;

import java.util.List;

/**
 * One page of results, counted from 0, with the number of matches in all. A search counts at most
 * {@link JournalSearch#COUNT_LIMIT} matches: where there are more, {@code total} is that limit and
 * {@code totalCapped} is true (counting a million matches would cost seconds on every page).
 */
public record Page<T>(int page, int size, long total, boolean totalCapped, List<T> items) {

    /** A page whose total is exact. */
    public Page(int page, int size, long total, List<T> items) {
        this(page, size, total, false, items);
    }
}
