package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files Create Firmware File uploaded, on disk in one folder, each named by its SHA-256 (lowercase hex), so the
 * same file uploaded twice is kept once. The folder holds at most {@code maxBytes}: an upload that would pass it is
 * refused (99400 naming {@code file}) and stores nothing. Files no firmware names any more are removed
 * ({@link #keepOnly}) after a delete, a reset and a refused create.
 *
 * <p>With a state file the folder lies beside it ({@code FILE.firmware/}) and outlives the process, as the state
 * does; without one it is a temporary folder removed at {@link #close()}.
 */
final class FirmwareFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareFiles.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private final Path folder;
    private final long maxBytes;
    private final boolean temporary;

    private FirmwareFiles(Path folder, long maxBytes, boolean temporary) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.temporary = temporary;
    }

    /**
     * The store for a mock: beside the state file when there is one, else in a new temporary folder.
     *
     * @param stateFile the state file, or null
     * @param maxBytes  the most bytes the folder holds
     */
    static FirmwareFiles open(Path stateFile, long maxBytes) {
        try {
            if (stateFile == null) {
                return new FirmwareFiles(Files.createTempDirectory("enos-ota-firmware-"), maxBytes, true);
            }
            Path file = stateFile.toAbsolutePath().normalize();
            // made at the first upload, so a state without uploads is the state file alone
            return new FirmwareFiles(file.resolveSibling(file.getFileName() + ".firmware"), maxBytes, false);
        } catch (IOException unusable) {
            throw new IllegalArgumentException("the folder for uploaded firmware files cannot be made: "
                    + unusable.getMessage(), unusable);
        }
    }

    /** The folder, absolute. */
    Path folder() {
        return folder;
    }

    /**
     * Keeps a file, unless a file with its digest is kept already.
     *
     * @return its SHA-256, lowercase hex
     * @throws ContractViolation 99400 naming {@code file} when the folder would then hold more than its limit
     */
    synchronized String put(byte[] content) {
        String sha256 = DigestUtils.sha256Hex(content);
        Path target = folder.resolve(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        long used = usedBytes();
        if (used + content.length > maxBytes) {
            throw new ContractViolation(List.of(new Violation("file", "does not fit in the mock's firmware store ("
                    + used + " of " + maxBytes + " bytes used, the file has " + content.length + "); delete firmware"
                    + " or start the mock with a larger --firmware-store-bytes")), false);
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            try {
                Files.write(temp, content);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("the firmware file could not be kept in " + folder, failed);
        }
        return sha256;
    }

    /** The file with this SHA-256, if it is kept. */
    synchronized Optional<Path> file(String sha256) {
        if (sha256 == null || !DIGEST.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Removes every kept file whose digest is not among {@code named} (what the store's firmware still names). */
    synchronized void keepOnly(Collection<String> named) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> keep = new HashSet<>(named);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (DIGEST.matcher(name).matches() && !keep.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException failed) {
            LOG.warn("unused firmware files in {} could not be removed", folder, failed);
        }
    }

    /** Bytes the kept files take. */
    synchronized long usedBytes() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path file : files.toList()) {
                if (DIGEST.matcher(file.getFileName().toString()).matches()) {
                    sum += Files.size(file);
                }
            }
            return sum;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the firmware store " + folder + " cannot be read", unreadable);
        }
    }

    /** Removes a temporary folder with its files; a folder beside a state file stays. */
    @Override
    public synchronized void close() {
        if (!temporary) {
            return;
        }
        keepOnly(List.of());
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> rest = Files.list(folder)) {
            for (Path file : rest.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException failed) {
            LOG.warn("the temporary firmware folder {} could not be removed", folder, failed);
        }
    }
}
