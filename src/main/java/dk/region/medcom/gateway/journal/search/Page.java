package dk.region.medcom.gateway.journal.search;

import java.util.List;

/** One page of results, counted from 0, with the number of matches in all. */
public record Page<T>(int page, int size, long total, List<T> items) {
}
