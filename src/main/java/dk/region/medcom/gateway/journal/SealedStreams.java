package dk.region.medcom.gateway.journal;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chunks of a sealed stream ({@link BodyCipher#sealing}, {@link BodyCipher#opening}): after
 * the header, chunks of {@link BodyCipher#CHUNK} plain bytes, each AES-GCM with the chunk's number
 * in its IV and a last-chunk flag in its associated data, so that chunks cannot be reordered,
 * dropped or cut off unnoticed. A file of any size is never held in memory.
 */
final class SealedStreams {

    private SealedStreams() {
    }

    /** Seals what is written into {@code out}, after its header, chunk by chunk; the last chunk on close. */
    static OutputStream sealer(OutputStream out, SecretKeySpec key, byte[] prefix, String context) {
        return new FilterOutputStream(out) {
            private final byte[] buffer = new byte[BodyCipher.CHUNK];
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
                    int n = Math.min(length, BodyCipher.CHUNK - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                    if (filled == BodyCipher.CHUNK) {
                        out.write(chunkCipher(key, Cipher.ENCRYPT_MODE, prefix, chunk++, false, context).doFinal(buffer, 0, filled));
                        filled = 0;
                    }
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    out.write(chunkCipher(key, Cipher.ENCRYPT_MODE, prefix, chunk, true, context).doFinal(buffer, 0, filled));
                    out.close();
                }
            }
        };
    }

    /** Reads the chunks that follow a stream's header, checking each as it comes. */
    static InputStream opener(InputStream in, SecretKeySpec key, byte[] prefix, String context) {
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
                    byte[] sealed = in.readNBytes(BodyCipher.CHUNK + BodyCipher.TAG_BYTES);
                    last = sealed.length < BodyCipher.CHUNK + BodyCipher.TAG_BYTES;
                    if (last && sealed.length < BodyCipher.TAG_BYTES) {
                        throw new EOFException("sealed file " + context + " is cut off");
                    }
                    plain = chunkCipher(key, Cipher.DECRYPT_MODE, prefix, chunk++, last, context).doFinal(sealed);
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
    private static ChunkCipher chunkCipher(SecretKeySpec key, int mode, byte[] prefix, int chunk, boolean last, String context) {
        byte[] iv = ByteBuffer.allocate(BodyCipher.IV_BYTES).put(prefix).putInt(chunk).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(BodyCipher.TAG_BITS, iv));
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
}
