package dk.region.medcom.gateway.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts message bodies at rest with AES-256-GCM. Every body gets a fresh random 12-byte IV,
 * stored beside it; the tracking id and body kind are bound in as associated data, so a body
 * copied onto another message's row fails to decrypt instead of showing the wrong letter.
 * The same key seals what the gateway puts on the broker ({@link #sealToBytes}) and the files it
 * keeps in quarantine/ ({@link #sealing}, streamed in chunks, so a file of any size is never held
 * in memory).
 * <p>
 * Keys rotate: the current key seals, previous keys (gateway.journal.previous-encryption-keys)
 * only open. Everything sealed records the {@link KeyId} of the key that sealed it: a journal row
 * in its key_id column, a broker body as a version byte and the id in front of the IV, a sealed
 * stream in its header ("MCS2"). What was sealed before ids existed (a row without an id, a broker
 * body without the version byte, an "MCS1" stream) is tried with every key, the current one first:
 * GCM's tag tells the right key from a wrong one.
 */
public final class BodyCipher {

    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    /** The first byte of a broker body that carries a key id; older ones start with the IV. */
    static final byte BYTES_VERSION = 2;

    /** The current key first, then the previous ones, by key id. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    /** Plain bytes per chunk of a sealed stream. */
    static final int CHUNK = 64 * 1024;
    /** The first bytes of a sealed stream: format and version; 2 has the key id after it. */
    private static final byte[] STREAM_MAGIC = {'M', 'C', 'S', '2'};
    private static final byte[] STREAM_MAGIC_V1 = {'M', 'C', 'S', '1'};
    /** The bytes in front of a sealed stream's first chunk. */
    static final int STREAM_HEADER_BYTES = 4 + KeyId.BYTES + 8;
    private static final int NONCE_PREFIX_BYTES = 8;
    static final int TAG_BYTES = TAG_BITS / 8;

    /** One key, no previous ones. */
    public BodyCipher(byte[] key) {
        this(key, List.of());
    }

    /** {@code current} seals and opens; {@code previous} only open. */
    public BodyCipher(byte[] current, List<byte[]> previous) {
        currentKeyId = add(current);
        for (byte[] key : previous) {
            add(key);
        }
    }

    private String add(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the journal encryption key must be 32 bytes (AES-256)");
        }
        String id = KeyId.of(key);
        keys.putIfAbsent(id, new SecretKeySpec(Arrays.copyOf(key, 32), "AES"));
        return id;
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every key this cipher opens with, the current one first. */
    public Set<String> keyIds() {
        return Collections.unmodifiableSet(keys.keySet());
    }

    Sealed seal(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(currentKeyId, iv, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a journal body", e);
        }
    }

    /** Opens a journal body; one without a key id (sealed before ids) is tried with every key. */
    byte[] open(Sealed sealed, String context) {
        if (sealed.keyId() == null) {
            return withAnyKey(sealed.iv(), sealed.ciphertext(), 0, sealed.ciphertext().length, context)
                    .orElseThrow(() -> new IllegalStateException("cannot decrypt the journal body " + context
                            + " (sealed before key ids; none of the keys " + keys.keySet() + " opens it: wrong key or altered data)"));
        }
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw missingKey("the journal body " + context, sealed.keyId());
        }
        return decrypt(key, sealed.iv(), sealed.ciphertext(), 0, sealed.ciphertext().length, context)
                .orElseThrow(() -> new IllegalStateException("cannot decrypt the journal body " + context
                        + " with key " + sealed.keyId() + " (altered data)"));
    }

    /** {@link #seal} as one array: the version byte, the key id, the IV, the ciphertext; for a broker message's body. */
    public byte[] sealToBytes(byte[] plain, String context) {
        Sealed sealed = seal(plain, context);
        return ByteBuffer.allocate(1 + KeyId.BYTES + IV_BYTES + sealed.ciphertext().length).put(BYTES_VERSION)
                .put(KeyId.toBytes(sealed.keyId())).put(sealed.iv()).put(sealed.ciphertext()).array();
    }

    /**
     * Opens what {@link #sealToBytes} made with the same context, or what it made before key ids
     * (the IV first, no version byte), which any key may have sealed. An old body whose random IV
     * happens to start with the version byte is told apart by trying it both ways.
     */
    public byte[] openBytes(byte[] bytes, String context) {
        int header = 1 + KeyId.BYTES;
        String keyId = null;
        if (bytes.length >= header + IV_BYTES + TAG_BYTES && bytes[0] == BYTES_VERSION) {
            keyId = KeyId.fromBytes(Arrays.copyOfRange(bytes, 1, header));
            SecretKeySpec key = keys.get(keyId);
            if (key != null) {
                Optional<byte[]> plain = decrypt(key, Arrays.copyOfRange(bytes, header, header + IV_BYTES),
                        bytes, header + IV_BYTES, bytes.length - header - IV_BYTES, context);
                if (plain.isPresent()) {
                    return plain.get();
                }
            }
        }
        if (bytes.length >= IV_BYTES + TAG_BYTES) {
            Optional<byte[]> plain = withAnyKey(Arrays.copyOf(bytes, IV_BYTES), bytes, IV_BYTES,
                    bytes.length - IV_BYTES, context);
            if (plain.isPresent()) {
                return plain.get();
            }
        } else {
            throw new IllegalStateException("cannot decrypt the body " + context + " (too short)");
        }
        if (keyId != null && !keys.containsKey(keyId)) {
            throw missingKey("the body " + context, keyId);
        }
        throw new IllegalStateException("cannot decrypt the body " + context
                + (keyId != null ? " with key " + keyId : "") + " (wrong key or altered data)");
    }

    private Optional<byte[]> withAnyKey(byte[] iv, byte[] input, int offset, int length, String context) {
        for (SecretKeySpec key : keys.values()) {
            Optional<byte[]> plain = decrypt(key, iv, input, offset, length, context);
            if (plain.isPresent()) {
                return plain;
            }
        }
        return Optional.empty();
    }

    /** Empty when the key is not the one that sealed, or the bytes were changed: GCM cannot tell which. */
    private static Optional<byte[]> decrypt(SecretKeySpec key, byte[] iv, byte[] input, int offset, int length, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(cipher.doFinal(input, offset, length));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + context, e);
        }
    }

    /** Says which key is missing and where to configure it; never anything of the body. */
    private static IllegalStateException missingKey(String what, String keyId) {
        return new IllegalStateException("cannot decrypt " + what + ": it was sealed with key id " + keyId
                + ", which this gateway does not have (configure that key in gateway.journal.previous-encryption-keys)");
    }

    /**
     * A stream that seals what is written to it into {@code out}: a header ("MCS2", the key id,
     * the nonce prefix), then the chunks of {@link SealedStreams}. The last chunk (possibly empty)
     * is written on close.
     */
    public OutputStream sealing(OutputStream out, String context) throws IOException {
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        random.nextBytes(prefix);
        SecretKeySpec key = keys.get(currentKeyId);
        out.write(STREAM_MAGIC);
        out.write(KeyId.toBytes(currentKeyId));
        out.write(prefix);
        return SealedStreams.sealer(out, key, prefix, context);
    }

    /**
     * Opens a stream {@link #sealing} made with the same context; fails on any change, chunk by
     * chunk. An "MCS1" stream (sealed before key ids) opens with whichever key opens its first chunk.
     */
    public InputStream opening(InputStream in, String context) throws IOException {
        byte[] magic = in.readNBytes(STREAM_MAGIC.length);
        if (Arrays.equals(magic, STREAM_MAGIC)) {
            String keyId = KeyId.fromBytes(in.readNBytes(KeyId.BYTES));
            byte[] prefix = in.readNBytes(NONCE_PREFIX_BYTES);
            if (prefix.length != NONCE_PREFIX_BYTES) {
                throw new IOException("not a sealed file of the gateway: " + context);
            }
            SecretKeySpec key = keys.get(keyId);
            if (key == null) {
                throw new IOException(missingKey("the sealed file " + context, keyId).getMessage());
            }
            return SealedStreams.opener(in, key, prefix, context);
        }
        byte[] prefix = in.readNBytes(NONCE_PREFIX_BYTES);
        if (!Arrays.equals(magic, STREAM_MAGIC_V1) || prefix.length != NONCE_PREFIX_BYTES) {
            throw new IOException("not a sealed file of the gateway: " + context);
        }
        byte[] first = in.readNBytes(CHUNK + TAG_BYTES);
        boolean last = first.length < CHUNK + TAG_BYTES;
        byte[] iv = ByteBuffer.allocate(IV_BYTES).put(prefix).putInt(0).array();
        String aad = context + (last ? "/last" : "/chunk");
        for (SecretKeySpec key : keys.values()) {
            if (decrypt(key, iv, first, 0, first.length, aad).isPresent()) {
                return SealedStreams.opener(new SequenceInputStream(new ByteArrayInputStream(first), in), key, prefix, context);
            }
        }
        in.close();
        throw new IOException("cannot decrypt the sealed file " + context + " (sealed before key ids; none of the keys "
                + keys.keySet() + " opens it: wrong key or altered data)");
    }

    /**
     * The id of the key that sealed a stream, read from its header; empty for an "MCS1" stream
     * (sealed before key ids). Reads nothing past the header.
     */
    public static Optional<String> streamKeyId(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(STREAM_MAGIC.length);
        if (Arrays.equals(magic, STREAM_MAGIC_V1)) {
            return Optional.empty();
        }
        byte[] id = in.readNBytes(KeyId.BYTES);
        if (!Arrays.equals(magic, STREAM_MAGIC) || id.length != KeyId.BYTES) {
            throw new IOException("not a sealed file of the gateway");
        }
        return Optional.of(KeyId.fromBytes(id));
    }

    /** A sealed journal body; {@code keyId} null when it was sealed before key ids. */
    record Sealed(String keyId, byte[] iv, byte[] ciphertext) {
    }
}
