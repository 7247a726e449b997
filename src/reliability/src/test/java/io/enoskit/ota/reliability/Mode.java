package io.enoskit.ota.reliability;

import java.time.Duration;

/**
 * The suite's two modes, from the system property {@code reliability.mode}: {@code short} (the default, inside
 * {@code mvn verify}, the whole module well under a minute) and {@code full} (at least 10,000 generated requests,
 * a three-minute stream of creates):
 * {@code mvn -B -ntp verify -pl src/reliability -am -Dreliability.mode=full}.
 */
enum Mode {
    SHORT, FULL;

    static Mode current() {
        return System.getProperty("reliability.mode", "short").trim().equalsIgnoreCase("full") ? FULL : SHORT;
    }

    static boolean full() {
        return current() == FULL;
    }

    /** How long the memory test streams creates. */
    static Duration streamDuration() {
        String override = System.getProperty("reliability.streamSeconds", "");
        if (!override.isBlank()) {
            return Duration.ofSeconds(Long.parseLong(override.trim()));
        }
        return full() ? Duration.ofMinutes(3) : Duration.ofSeconds(10);
    }
}
