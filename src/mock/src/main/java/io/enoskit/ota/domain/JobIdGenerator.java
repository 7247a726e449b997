package io.enoskit.ota.domain;

import io.enoskit.ota.profile.IdFormat;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes unique ids in the form a behaviour profile names ({@code ids.jobId}); by default the form the vendor's
 * samples show: 24 lowercase hex characters (12 bytes, laid out like a MongoDB ObjectId: 4 bytes of epoch seconds,
 * 5 random bytes fixed per generator, 3 bytes of a counter).
 * <ul>
 *   <li>{@code hex24}: as above; two ids never collide until the 3-byte counter wraps within one second, that is
 *       beyond 16,777,216 ids a second;</li>
 *   <li>{@code hex32}: the same 12 bytes and 4 random ones (unique as hex24);</li>
 *   <li>{@code uuid}: a random (version 4) UUID, 122 random bits;</li>
 *   <li>{@code numeric}: the epoch milliseconds (13 digits) and a 6-digit counter, 19 digits; unique until the
 *       counter wraps within one millisecond.</li>
 * </ul>
 * Thread-safe.
 */
public final class JobIdGenerator {
    private static final HexFormat HEX = HexFormat.of();
    private static final int NUMERIC_COUNTER = 1_000_000;
    private final IdFormat format;
    private final byte[] instance = new byte[5];
    private final AtomicInteger counter;
    private final SecureRandom random = new SecureRandom();

    /** Ids of 24 lowercase hex characters. */
    public JobIdGenerator() {
        this(IdFormat.HEX24);
    }

    /** Ids of the form given. */
    public JobIdGenerator(IdFormat format) {
        this.format = format;
        random.nextBytes(instance);
        counter = new AtomicInteger(random.nextInt(1 << 24));
    }

    /**
     * A new id.
     *
     * @param epochMillis the creation time, milliseconds since the epoch (its seconds lead a hex id, its milliseconds
     *                    a numeric one)
     */
    public String next(long epochMillis) {
        return switch (format) {
            case HEX24 -> HEX.formatHex(objectId(epochMillis));
            case HEX32 -> {
                byte[] tail = new byte[4];
                random.nextBytes(tail);
                yield HEX.formatHex(objectId(epochMillis)) + HEX.formatHex(tail);
            }
            case UUID_FORM -> UUID.randomUUID().toString();
            case NUMERIC -> String.format("%013d%06d", epochMillis % 10_000_000_000_000L,
                    Math.floorMod(counter.getAndIncrement(), NUMERIC_COUNTER));
        };
    }

    private byte[] objectId(long epochMillis) {
        int seconds = (int) (epochMillis / 1000);
        int count = counter.getAndIncrement() & 0xFFFFFF;
        byte[] id = new byte[12];
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(instance, 0, id, 4, 5);
        id[9] = (byte) (count >>> 16);
        id[10] = (byte) (count >>> 8);
        id[11] = (byte) count;
        return id;
    }
}
