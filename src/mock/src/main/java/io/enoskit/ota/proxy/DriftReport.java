package io.enoskit.ota.proxy;

import io.enoskit.ota.proxy.Finding.Kind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A drift report: what a proxy session saw of a target, as of one moment. Written as {@code drift-report.html},
 * {@code .json} and {@code .sarif} ({@link DriftReportFiles}).
 *
 * @param target          the target's base URL
 * @param started         when the proxy started
 * @param written         when this snapshot was taken
 * @param exchanges       calls forwarded and answered by the target
 * @param byOperation     checked exchanges per operation ({@code get-job})
 * @param unchecked       exchanges that named no operation of the spec, per {@code METHOD path}
 * @param incomplete      exchanges with a body over the capture limit, forwarded but not checked
 * @param failedForwards  calls the target did not answer (the proxy answered 502 or 504)
 * @param dropped         exchanges forwarded but not checked because the checks fell too far behind
 * @param findingsOverflow occurrences of distinct findings beyond the ledger's bound, counted only
 * @param items           the distinct findings and observations, by operation, field and id
 */
public record DriftReport(String target, Instant started, Instant written, long exchanges,
                          Map<String, Long> byOperation, Map<String, Long> unchecked, long incomplete,
                          long failedForwards, long dropped, long findingsOverflow, List<Item> items) {

    /**
     * One distinct finding or observation, with how often it came.
     *
     * @param examples the first exchanges that showed it (at most the proxy's bound, credentials masked)
     */
    public record Item(Kind kind, String id, SpecLocation location, String operation, String field, String expected,
                       String firstActual, String lastActual, long count, Instant firstSeen, Instant lastSeen,
                       List<Exchange> examples) {
    }

    /** The distinct findings (not observations). */
    public List<Item> findings() {
        return items.stream().filter(item -> item.kind() == Kind.FINDING).toList();
    }

    /** The distinct observations. */
    public List<Item> observations() {
        return items.stream().filter(item -> item.kind() == Kind.OBSERVATION).toList();
    }

    /** The items grouped by operation, in order. */
    public Map<String, List<Item>> byOperationItems() {
        return items.stream().collect(Collectors.groupingBy(Item::operation, LinkedHashMap::new,
                Collectors.toList()));
    }
}
