package io.enoskit.ota.domain;

import java.util.List;

/**
 * One page of a search's answer (EnOS pagination: {@code pageNo} from 1, {@code pageSize} records at most).
 *
 * @param items     the records of this page, at most {@code pageSize}; empty past the last page
 * @param pageNo    the page, from 1
 * @param pageSize  records per page
 * @param totalSize how many records match over every page
 */
public record Page<T>(List<T> items, int pageNo, int pageSize, long totalSize) {
    /** The search's default page size when the request gives none (documented for the OTA searches). */
    public static final int DEFAULT_PAGE_SIZE = 10;
    /** The most records a page may ask for (documented for the OTA searches). */
    public static final int MAX_PAGE_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code pageNo} of every match, in the given order. */
    public static <T> Page<T> of(List<T> matches, int pageNo, int pageSize) {
        if (pageNo < 1 || pageSize < 1) {
            throw new IllegalArgumentException("pageNo and pageSize start at 1, were " + pageNo + ", " + pageSize);
        }
        long from = (long) (pageNo - 1) * pageSize;
        List<T> items = from >= matches.size() ? List.of()
                : matches.subList((int) from, (int) Math.min(matches.size(), from + pageSize));
        return new Page<>(items, pageNo, pageSize, matches.size());
    }
}
