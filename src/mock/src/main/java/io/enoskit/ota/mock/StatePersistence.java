package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.StoreSnapshot;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file ({@code mock --state-file FILE}, {@link MockOptions#stateFile(Path)}): the store's whole state
 * ({@link StoreSnapshot}) loaded at start when the file exists, and saved after changes and at shutdown.
 *
 * <p>A save writes a temporary file beside the target, forces it to disk, then renames it over the target in one
 * atomic step, so a crash or a {@code kill -9} at any moment leaves either the previous file or the new one, never a
 * torn one. A file that exists but cannot be read stops the start with a message naming the file and the problem;
 * it is never replaced by an empty state.
 */
final class StatePersistence {
    private static final Logger LOG = LoggerFactory.getLogger(StatePersistence.class);
    private final Path file;
    private final OtaStore store;
    private long saved = Long.MIN_VALUE;

    private StatePersistence(Path file, OtaStore store) {
        this.file = file.toAbsolutePath().normalize();
        this.store = store;
    }

    /**
     * Loads the file into the store when it exists (else the store keeps its default state, saved at the first
     * change).
     *
     * @param file a file in a folder that exists ({@link MockOptions#stateFile(Path)} makes sure)
     * @throws IllegalArgumentException naming the file when it exists and cannot be read as a saved state
     */
    static StatePersistence open(Path file, OtaStore store) {
        StatePersistence persistence = new StatePersistence(file, store);
        persistence.removeLeftovers();
        if (Files.exists(persistence.file)) {
            StoreSnapshot snapshot = read(persistence.file);
            try {
                store.restore(snapshot);
            } catch (IllegalArgumentException inconsistent) {
                throw new IllegalArgumentException("the state file " + persistence.file + " cannot be read: "
                        + inconsistent.getMessage() + " (remove or fix it; the mock does not start from an empty"
                        + " state in its place)", inconsistent);
            }
            persistence.saved = store.changes();
        }
        return persistence;
    }

    private static StoreSnapshot read(Path file) {
        try {
            StoreSnapshot snapshot = Json.mapper().readerFor(StoreSnapshot.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile());
            if (snapshot == null) {
                throw new IllegalArgumentException("the state file " + file + " holds no state (a JSON null or"
                        + " nothing); remove it to start from the default state");
            }
            return snapshot;
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("the state file " + file + " cannot be read: "
                    + JsonProblems.describe(unreadable) + " (remove or fix it; the mock does not start from an empty"
                    + " state in its place)", unreadable);
        }
    }

    /** Temporary files of saves a crash interrupted ({@code .FILE.*.tmp} beside the file): never the state. */
    private void removeLeftovers() {
        Path folder = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        try (var siblings = Files.list(folder)) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) {
                    Files.deleteIfExists(sibling);
                    LOG.info("removed {}, left by a save that did not finish", sibling);
                }
            }
        } catch (IOException unlisted) {
            LOG.warn("could not look for leftovers of interrupted saves in {}", folder, unlisted);
        }
    }

    /** The file, absolute. */
    Path file() {
        return file;
    }

    /** Saves when the store changed since the last save; a failure is logged and tried again next time. */
    synchronized void saveIfChanged() {
        long changes = store.changes();
        if (changes == saved) {
            return;
        }
        try {
            write(store.snapshot());
            saved = changes;
        } catch (IOException | RuntimeException failed) {
            LOG.error("the state file {} could not be saved; trying again at the next change", file, failed);
        }
    }

    private void write(StoreSnapshot snapshot) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(nonClosing(out), snapshot);
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
