package dk.region.medcom.gateway.journal;

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
 */
final class BodyCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    BodyCipher(byte[] key) {
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

    record Sealed(byte[] iv, byte[] ciphertext) {
    }
}
