package io.enoskit.ota.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of records by their {@code createTime} (milliseconds since the epoch; absent counts as 0), written once for
 * the searches, the state file and the job cap.
 */
final class CreateTimeOrder {
    private CreateTimeOrder() {
    }

    /**
     * Newest first, as Search OTA Job and Search Firmware File document; of equal times the later added first (the
     * list as added, reversed).
     *
     * @param addedOrder the records, oldest added first
     */
    static <T> List<T> newestFirst(Collection<T> addedOrder, Function<T, Long> createTime) {
        List<T> sorted = new ArrayList<>(addedOrder);
        Collections.reverse(sorted);
        sorted.sort(byCreateTime(createTime).reversed());
        return sorted;
    }

    /** Oldest first; of equal times, in the order added. */
    static <T> List<T> oldestFirst(Collection<T> addedOrder, Function<T, Long> createTime) {
        List<T> sorted = new ArrayList<>(addedOrder);
        sorted.sort(byCreateTime(createTime));
        return sorted;
    }

    private static <T> Comparator<T> byCreateTime(Function<T, Long> createTime) {
        return Comparator.comparingLong(item -> {
            Long time = createTime.apply(item);
            return time == null ? 0L : time;
        });
    }
}
