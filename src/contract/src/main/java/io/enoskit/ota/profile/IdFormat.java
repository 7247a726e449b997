package io.enoskit.ota.profile;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The forms an id may take in an answer ({@code requestId}, {@code jobId}): the mock writes ids in the form its
 * profile names, and an observer reads the form a gateway uses. The vendor pages give no form; their samples show a
 * UUID requestId and a 24-character lowercase hex jobId.
 */
public enum IdFormat {
    /** 24 lowercase hex characters, as a MongoDB ObjectId ({@code 5f2b1c...}). */
    HEX24("hex24", "^[0-9a-f]{24}$"),
    /** 32 lowercase hex characters (a UUID without dashes). */
    HEX32("hex32", "^[0-9a-f]{32}$"),
    /** A UUID with dashes, lower case. */
    UUID_FORM("uuid", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
    /** Decimal digits only. */
    NUMERIC("numeric", "^[0-9]{1,19}$");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String label;
    private final Pattern pattern;

    IdFormat(String label, String regex) {
        this.label = label;
        this.pattern = Pattern.compile(regex);
    }

    /** The form an id has, if it is one of these. */
    public static Optional<IdFormat> of(String id) {
        return id == null ? Optional.empty()
                : Arrays.stream(values()).filter(format -> format.pattern.matcher(id).matches()).findFirst();
    }

    /** The form named {@code label} in a profile ({@code hex24}, {@code hex32}, {@code uuid}, {@code numeric}). */
    public static Optional<IdFormat> named(String label) {
        return Arrays.stream(values()).filter(format -> format.label.equals(label)).findFirst();
    }

    /** A fresh random id of this form (ids of the mock that must be unique use their own generator). */
    public String random() {
        return switch (this) {
            case HEX24 -> hex(12);
            case HEX32 -> hex(16);
            case UUID_FORM -> UUID.randomUUID().toString();
            case NUMERIC -> Long.toString(RANDOM.nextLong(1_000_000_000_000_000L, Long.MAX_VALUE));
        };
    }

    /** Whether {@code id} has this form. */
    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }

    public String label() {
        return label;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return label;
    }
}
