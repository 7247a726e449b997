package io.enoskit.ota.reliability;

import io.enoskit.ota.reliability.RawHttp.Answer;
import io.enoskit.ota.reliability.RawHttp.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what was sent and what came back, per generator family; prints and files the figures. */
final class Tally {
    private final Map<String, long[]> byFamily = new TreeMap<>();
    private final AtomicLong total = new AtomicLong();

    // per family: requests, 2xx, 3xx, 4xx, 5xx, closed, hung, code 0 on the API, max ms
    private static final int REQUESTS = 0;
    private static final int CLOSED = 5;
    private static final int HUNG = 6;
    private static final int SUCCESS = 7;
    private static final int MAX_MS = 8;

    synchronized void count(HostileRequest request, Answer answer) {
        total.incrementAndGet();
        String family = request.family();
        int slash = family.indexOf('/');
        String key = slash < 0 ? family : family.substring(0, slash);
        long[] f = byFamily.computeIfAbsent(key, k -> new long[9]);
        f[REQUESTS]++;
        if (answer.outcome() == Outcome.ANSWERED) {
            int cls = answer.status() / 100;
            if (cls >= 2 && cls <= 5) {
                f[cls - 1]++;
            }
            if (Invariants.code(answer) == 0) {
                f[SUCCESS]++;
            }
        } else if (answer.outcome() == Outcome.CLOSED) {
            f[CLOSED]++;
        } else {
            f[HUNG]++;
        }
        f[MAX_MS] = Math.max(f[MAX_MS], answer.millis());
    }

    long total() {
        return total.get();
    }

    synchronized String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%-28s %8s %7s %6s %7s %6s %7s %6s %7s %7s%n", "family", "requests", "2xx", "3xx",
                "4xx", "5xx", "closed", "hung", "code 0", "max ms"));
        long[] sum = new long[9];
        byFamily.forEach((family, f) -> {
            t.append(String.format("%-28s %8d %7d %6d %7d %6d %7d %6d %7d %7d%n", family, f[0], f[1], f[2], f[3], f[4],
                    f[5], f[6], f[7], f[8]));
            for (int i = 0; i < 8; i++) {
                sum[i] += f[i];
            }
            sum[8] = Math.max(sum[8], f[8]);
        });
        t.append(String.format("%-28s %8d %7d %6d %7d %6d %7d %6d %7d %7d%n", "all", sum[0], sum[1], sum[2], sum[3],
                sum[4], sum[5], sum[6], sum[7], sum[8]));
        return t.toString();
    }

    /** Appends to a file of the report folder (target/reliability) and prints it. */
    static void report(String file, String text) {
        System.out.println(text);
        Path dir = Path.of(System.getProperty("reliability.reportDir", "target/reliability"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
