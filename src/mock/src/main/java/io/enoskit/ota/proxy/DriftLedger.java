package io.enoskit.ota.proxy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proxy session found, in bounded memory however long it runs: per distinct finding (kind, id, operation,
 * field, expected) a count, the first and last time, and at most a few example exchanges (the first ones); at most
 * a fixed number of distinct findings, past which further ones are only counted. Thread-safe (one lock: the checking
 * thread writes, report requests read).
 */
final class DriftLedger {
    private final int examplesPerFinding;
    private final int maxFindings;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> exchangesByOperation = new TreeMap<>();
    private final Map<String, Long> uncheckedByPath = new TreeMap<>();
    private long exchanges;
    private long incomplete;
    private long failedForwards;
    private long dropped;
    private long findingsOverflow;
    private final Instant started = Instant.now();

    DriftLedger(int examplesPerFinding, int maxFindings) {
        this.examplesPerFinding = examplesPerFinding;
        this.maxFindings = maxFindings;
    }

    private record Key(Finding.Kind kind, String id, String operation, String field, String expected) {
    }

    private static final class Entry {
        final Finding first;
        long count;
        Instant firstSeen;
        Instant lastSeen;
        String lastActual;
        final List<Exchange> examples = new ArrayList<>();

        Entry(Finding first) {
            this.first = first;
        }
    }

    /** Counts a checked exchange and what it showed; its findings keep it as an example while they have room. */
    synchronized void record(String operation, Exchange exchange, List<Finding> findings) {
        exchanges++;
        exchangesByOperation.merge(operation, 1L, Long::sum);
        for (Finding finding : findings) {
            Key key = new Key(finding.kind(), finding.id(), finding.operation(), finding.field(), finding.expected());
            Entry entry = entries.get(key);
            if (entry == null) {
                if (entries.size() >= maxFindings) {
                    findingsOverflow++;
                    continue;
                }
                entry = new Entry(finding);
                entry.firstSeen = exchange.time();
                entries.put(key, entry);
            }
            entry.count++;
            entry.lastSeen = exchange.time();
            entry.lastActual = finding.actual();
            if (entry.examples.size() < examplesPerFinding) {
                entry.examples.add(exchange);
            }
        }
    }

    /** Counts an exchange that named no operation of the spec (forwarded, not checked), by method and path. */
    synchronized void unchecked(Exchange exchange) {
        exchanges++;
        String where = exchange.method() + " " + exchange.path();
        if (uncheckedByPath.containsKey(where) || uncheckedByPath.size() < maxFindings) {
            uncheckedByPath.merge(where, 1L, Long::sum);
        } else {
            uncheckedByPath.merge("(other paths)", 1L, Long::sum);
        }
    }

    /** Counts an exchange whose body was longer than the capture limit: forwarded whole, not checked. */
    synchronized void incomplete() {
        exchanges++;
        incomplete++;
    }

    /** Counts a call the target did not answer (unreachable, timed out): the proxy answered 502 or 504. */
    synchronized void failedForward() {
        failedForwards++;
    }

    /** Counts an exchange forwarded but left unchecked because the checks were too far behind. */
    synchronized void dropped() {
        dropped++;
    }

    /** Everything so far, findings sorted by operation, field and id. */
    synchronized DriftReport snapshot(String target) {
        List<DriftReport.Item> items = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Finding first = entry.first;
            items.add(new DriftReport.Item(first.kind(), first.id(), first.location(), first.operation(),
                    first.field(), first.expected(), first.actual(), entry.lastActual, entry.count, entry.firstSeen,
                    entry.lastSeen, List.copyOf(entry.examples)));
        }
        items.sort(Comparator.comparing(DriftReport.Item::operation).thenComparing(DriftReport.Item::field)
                .thenComparing(DriftReport.Item::kind).thenComparing(DriftReport.Item::id));
        return new DriftReport(target, started, Instant.now(), exchanges, new TreeMap<>(exchangesByOperation),
                new TreeMap<>(uncheckedByPath), incomplete, failedForwards, dropped, findingsOverflow, items);
    }
}
