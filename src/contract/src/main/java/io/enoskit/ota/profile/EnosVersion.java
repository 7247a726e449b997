package io.enoskit.ota.profile;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The EnOS releases whose Connection Service pages the kit was written from (reference notes §7). A field or rule
 * that a release added carries {@code x-enos-since} in the spec; a gateway of an older release neither sends nor
 * accepts it.
 */
public enum EnosVersion {
    V2_2("2.2"),
    V2_3("2.3"),
    V2_4("2.4"),
    V3_0("3.0");

    private final String label;

    EnosVersion(String label) {
        this.label = label;
    }

    /** The newest release the reference covers: what the mock serves and conform checks unless told otherwise. */
    public static EnosVersion newest() {
        return V3_0;
    }

    /**
     * The release a user names: {@code 2.3}, {@code 2.3.0} and {@code enos-2.3} all name 2.3; a patch release names
     * its minor one ({@code 2.4.4} is 2.4).
     */
    public static Optional<EnosVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.trim().toLowerCase().replaceFirst("^enos-", "");
        String[] parts = bare.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String minor = parts[0] + "." + parts[1];
        for (int i = 2; i < parts.length; i++) {
            if (!parts[i].matches("\\d+")) {
                return Optional.empty();
            }
        }
        return Arrays.stream(values()).filter(version -> version.label.equals(minor)).findFirst();
    }

    /** The labels, as a user writes them: {@code 2.2, 2.3, 2.4, 3.0}. */
    public static String labels() {
        return Arrays.stream(values()).map(EnosVersion::label).collect(Collectors.joining(", "));
    }

    /** {@code 2.3}. */
    public String label() {
        return label;
    }

    /** The name of the built-in profile of this release: {@code enos-2.3}. */
    public String profileName() {
        return "enos-" + label;
    }

    /** Whether a field or rule that came with {@code since} exists in this release. */
    public boolean has(EnosVersion since) {
        return compareTo(since) >= 0;
    }

    @Override
    public String toString() {
        return label;
    }
}
