package io.enoskit.ota.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes job ids in the form the vendor's samples show: 24 lowercase hex characters (12 bytes, laid out like
 * a MongoDB ObjectId: 4 bytes of epoch seconds, 5 random bytes fixed per generator, 3 bytes of a counter).
 *
 * <p>Two ids from one generator never collide until the 3-byte counter wraps within one second, that is
 * beyond 16,777,216 ids a second. Thread-safe.
 */
public final class JobIdGenerator {
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] instance = new byte[5];
    private final AtomicInteger counter;

    public JobIdGenerator() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(instance);
        counter = new AtomicInteger(random.nextInt(1 << 24));
    }

    /**
     * A new id.
     *
     * @param epochMillis the creation time, milliseconds since the epoch (its seconds lead the id)
     */
    public String next(long epochMillis) {
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
        return HEX.formatHex(id);
    }
}
