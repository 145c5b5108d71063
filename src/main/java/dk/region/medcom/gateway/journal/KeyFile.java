package dk.region.medcom.gateway.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dk.region.medcom.gateway.files.FileModes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret key: from configuration when set, else from a key file beside the journal, made on the
 * first start. The embedded default thus works out of the box yet keeps its key across restarts;
 * production configures the key from its secret store. The key itself is never logged.
 */
final class KeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {
    }

    static byte[] configuredOrGenerated(String configured, Path file, String purpose) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), purpose);
        }
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), purpose);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            FileModes.createDirectories(file.getParent(), FileModes.OWNER_FOLDER);
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            // made owner-only before the key is written into it
            Files.createFile(temp);
            FileModes.set(temp, FileModes.OWNER_FILE);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(temp, file);
            LOG.warn("no {} key configured: generated one in {}; back it up with the journal", purpose, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + purpose + " key file " + file, e);
        }
    }

    /** The configured key, else the key file's; fails when neither is there. */
    static byte[] configuredOrExisting(String configured, Path file, String purpose) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), purpose);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + purpose + " key configured and no key file " + file);
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + purpose + " key file " + file, e);
        }
    }

    /** Earlier keys as configured (base64 each); blank entries are skipped. */
    static List<byte[]> previous(List<String> configured, String purpose) {
        List<byte[]> keys = new ArrayList<>();
        for (String key : configured == null ? List.<String>of() : configured) {
            if (key != null && !key.isBlank()) {
                keys.add(decode(key.trim(), "previous " + purpose));
            }
        }
        return keys;
    }

    private static byte[] decode(String base64, String purpose) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the " + purpose + " key is not base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("the " + purpose + " key must be 32 bytes, base64 encoded");
        }
        return key;
    }
}
