package dk.region.medcom.gateway.journal;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
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
 */
public final class BodyCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Plain bytes per chunk of a sealed stream. */
    static final int CHUNK = 64 * 1024;
    /** The first bytes of a sealed stream: format and version. */
    private static final byte[] STREAM_MAGIC = {'M', 'C', 'S', '1'};
    private static final int NONCE_PREFIX_BYTES = 8;
    private static final int TAG_BYTES = TAG_BITS / 8;

    public BodyCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the journal encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, 32), "AES");
    }

    Sealed seal(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(iv, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a journal body", e);
        }
    }

    byte[] open(Sealed sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(context.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            // wrong key, or the stored bytes were changed: say which, never what
            throw new IllegalStateException("cannot decrypt the journal body " + context + " (wrong key or altered data)");
        }
    }

    /** {@link #seal} as one array, the IV first: for a broker message's body. */
    public byte[] sealToBytes(byte[] plain, String context) {
        Sealed sealed = seal(plain, context);
        return ByteBuffer.allocate(IV_BYTES + sealed.ciphertext().length).put(sealed.iv()).put(sealed.ciphertext()).array();
    }

    /** Opens what {@link #sealToBytes} made with the same context. */
    public byte[] openBytes(byte[] ivAndCiphertext, String context) {
        if (ivAndCiphertext.length < IV_BYTES + TAG_BYTES) {
            throw new IllegalStateException("cannot decrypt the body " + context + " (too short)");
        }
        return open(new Sealed(Arrays.copyOf(ivAndCiphertext, IV_BYTES),
                Arrays.copyOfRange(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length)), context);
    }

    /**
     * A stream that seals what is written to it into {@code out}: a header, then chunks of
     * {@link #CHUNK} plain bytes, each AES-GCM with the chunk's number in its IV and a last-chunk
     * flag in its associated data, so chunks cannot be reordered, dropped or cut off unnoticed.
     * The last chunk (possibly empty) is written on close.
     */
    public OutputStream sealing(OutputStream out, String context) throws IOException {
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        random.nextBytes(prefix);
        out.write(STREAM_MAGIC);
        out.write(prefix);
        return new FilterOutputStream(out) {
            private final byte[] buffer = new byte[CHUNK];
            private int filled;
            private int chunk;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    int n = Math.min(length, CHUNK - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                    if (filled == CHUNK) {
                        out.write(chunkCipher(Cipher.ENCRYPT_MODE, prefix, chunk++, false, context).doFinal(buffer, 0, filled));
                        filled = 0;
                    }
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    out.write(chunkCipher(Cipher.ENCRYPT_MODE, prefix, chunk, true, context).doFinal(buffer, 0, filled));
                    out.close();
                }
            }
        };
    }

    /** Opens a stream {@link #sealing} made with the same context; fails on any change, chunk by chunk. */
    public InputStream opening(InputStream in, String context) throws IOException {
        byte[] magic = in.readNBytes(STREAM_MAGIC.length);
        byte[] prefix = in.readNBytes(NONCE_PREFIX_BYTES);
        if (!Arrays.equals(magic, STREAM_MAGIC) || prefix.length != NONCE_PREFIX_BYTES) {
            throw new IOException("not a sealed file of the gateway: " + context);
        }
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int position;
            private int chunk;
            private boolean last;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                while (position == plain.length) {
                    if (last) {
                        return -1;
                    }
                    byte[] sealed = in.readNBytes(CHUNK + TAG_BYTES);
                    last = sealed.length < CHUNK + TAG_BYTES;
                    if (last && sealed.length < TAG_BYTES) {
                        throw new EOFException("sealed file " + context + " is cut off");
                    }
                    plain = chunkCipher(Cipher.DECRYPT_MODE, prefix, chunk++, last, context).doFinal(sealed);
                    position = 0;
                }
                int n = Math.min(length, plain.length - position);
                System.arraycopy(plain, position, bytes, offset, n);
                position += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** A chunk's cipher; a failure says which file, never what is in it. */
    private ChunkCipher chunkCipher(int mode, byte[] prefix, int chunk, boolean last, String context) {
        byte[] iv = ByteBuffer.allocate(IV_BYTES).put(prefix).putInt(chunk).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((context + (last ? "/last" : "/chunk")).getBytes(StandardCharsets.US_ASCII));
            return new ChunkCipher(cipher, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the cipher for " + context, e);
        }
    }

    private record ChunkCipher(Cipher cipher, String context) {
        byte[] doFinal(byte[] input) throws IOException {
            return doFinal(input, 0, input.length);
        }

        byte[] doFinal(byte[] input, int offset, int length) throws IOException {
            try {
                return cipher.doFinal(input, offset, length);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot decrypt the sealed file " + context + " (wrong key or altered data)");
            }
        }
    }

    record Sealed(byte[] iv, byte[] ciphertext) {
    }
}
