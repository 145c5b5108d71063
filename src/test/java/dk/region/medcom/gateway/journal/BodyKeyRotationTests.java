package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every sealed thing records the id of the key that sealed it; a rotated cipher (a new current key,
 * the old one as a previous key) still opens what the old key sealed, in every format, including
 * the formats from before key ids (made here byte by byte as the gateway made them then).
 */
class BodyKeyRotationTests {

    private static final byte[] LETTER = "<CivilRegistrationNumber>0101904016</CivilRegistrationNumber>"
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] oldKey = randomKey();
    private final byte[] newKey = randomKey();
    private final BodyCipher before = new BodyCipher(oldKey);
    private final BodyCipher rotated = new BodyCipher(newKey, List.of(oldKey));

    @Test
    void aKeyIdIsEightHexDigitsDerivedFromTheKeyButNeitherTheKeyNorItsPlainHash() throws Exception {
        String id = KeyId.of(oldKey);

        assertThat(id).matches("[0-9a-f]{8}").isEqualTo(KeyId.of(oldKey.clone())).isNotEqualTo(KeyId.of(newKey));
        assertThat(HexFormat.of().formatHex(oldKey)).doesNotStartWith(id);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(oldKey))).doesNotStartWith(id);
        assertThat(rotated.currentKeyId()).isEqualTo(KeyId.of(newKey));
        assertThat(rotated.keyIds()).containsExactly(KeyId.of(newKey), KeyId.of(oldKey));
    }

    @Test
    void aJournalBodyRecordsItsKeyIdAndOpens() {
        BodyCipher.Sealed sealed = rotated.seal(LETTER, "id/ORIGINAL");

        assertThat(sealed.keyId()).isEqualTo(KeyId.of(newKey));
        assertThat(rotated.open(sealed, "id/ORIGINAL")).isEqualTo(LETTER);
    }

    @Test
    void aBrokerBodyStartsWithTheVersionAndKeyIdAndOpens() {
        byte[] sealed = rotated.sealToBytes(LETTER, "id/INBOUND");

        assertThat(sealed[0]).isEqualTo(BodyCipher.BYTES_VERSION);
        assertThat(HexFormat.of().formatHex(sealed, 1, 5)).isEqualTo(KeyId.of(newKey));
        assertThat(rotated.openBytes(sealed, "id/INBOUND")).isEqualTo(LETTER);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BodyCipher.CHUNK, 2 * BodyCipher.CHUNK + 5})
    void aSealedStreamStartsWithMcs2AndItsKeyIdAndOpens(int size) throws IOException {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);

        byte[] sealed = sealStream(rotated, plain, "id/QUARANTINE");

        assertThat(new String(sealed, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("MCS2");
        assertThat(HexFormat.of().formatHex(sealed, 4, 8)).isEqualTo(KeyId.of(newKey));
        assertThat(openStream(rotated, sealed, "id/QUARANTINE")).isEqualTo(plain);
    }

    @Test
    void whatThePreviousKeySealedOpensAfterRotationInEveryFormat() throws IOException {
        BodyCipher.Sealed row = before.seal(LETTER, "id/ORIGINAL");
        byte[] broker = before.sealToBytes(LETTER, "id/INBOUND");
        byte[] file = sealStream(before, LETTER, "id/QUARANTINE");

        assertThat(rotated.open(row, "id/ORIGINAL")).isEqualTo(LETTER);
        assertThat(rotated.openBytes(broker, "id/INBOUND")).isEqualTo(LETTER);
        assertThat(openStream(rotated, file, "id/QUARANTINE")).isEqualTo(LETTER);
        // and what the rotated cipher seals, it seals with the new key
        assertThat(rotated.seal(LETTER, "id/ORIGINAL").keyId()).isEqualTo(KeyId.of(newKey));
    }

    @Test
    void aJournalBodyFromBeforeKeyIdsOpensWithTheCurrentOrAPreviousKey() {
        BodyCipher.Sealed old = legacyRow(oldKey, "id/ORIGINAL");

        assertThat(before.open(old, "id/ORIGINAL")).isEqualTo(LETTER);
        assertThat(rotated.open(old, "id/ORIGINAL")).isEqualTo(LETTER);
        assertThatThrownBy(() -> new BodyCipher(newKey).open(old, "id/ORIGINAL"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed before key ids").hasMessageNotContaining("0101904016");
    }

    @Test
    void aBrokerBodyFromBeforeKeyIdsStillOpensEvenWhenItsIvStartsLikeTheVersionByte() {
        for (byte first : new byte[] {0, BodyCipher.BYTES_VERSION, (byte) 0xff}) {
            BodyCipher.Sealed old = legacyRow(oldKey, "id/DELIVER");
            old.iv()[0] = first;
            byte[] bytes = ByteBuffer.allocate(12 + old.ciphertext().length).put(old.iv())
                    .put(gcm(oldKey, old.iv(), LETTER, "id/DELIVER")).array();

            assertThat(before.openBytes(bytes, "id/DELIVER")).isEqualTo(LETTER);
            assertThat(rotated.openBytes(bytes, "id/DELIVER")).isEqualTo(LETTER);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, BodyCipher.CHUNK, BodyCipher.CHUNK + 1})
    void anMcs1StreamFromBeforeKeyIdsOpensWithAnyConfiguredKey(int size) throws IOException {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);
        byte[] mcs1 = legacyStream(oldKey, plain, "id/QUARANTINE");

        assertThat(openStream(before, mcs1, "id/QUARANTINE")).isEqualTo(plain);
        assertThat(openStream(rotated, mcs1, "id/QUARANTINE")).isEqualTo(plain);
        assertThatThrownBy(() -> openStream(new BodyCipher(newKey), mcs1, "id/QUARANTINE"))
                .isInstanceOf(IOException.class).hasMessageContaining("sealed before key ids");
    }

    @Test
    void aMissingKeyIsNamedByItsIdAndNothingOfTheBodyIsShown() throws IOException {
        BodyCipher withoutOldKey = new BodyCipher(newKey);
        String oldId = KeyId.of(oldKey);
        BodyCipher.Sealed row = before.seal(LETTER, "id/ORIGINAL");
        byte[] broker = before.sealToBytes(LETTER, "id/INBOUND");
        byte[] file = sealStream(before, LETTER, "id/QUARANTINE");

        assertThatThrownBy(() -> withoutOldKey.open(row, "id/ORIGINAL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + oldId).hasMessageContaining("gateway.journal.previous-encryption-keys")
                .hasMessageNotContaining("0101904016");
        assertThatThrownBy(() -> withoutOldKey.openBytes(broker, "id/INBOUND")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + oldId).hasMessageNotContaining("0101904016");
        assertThatThrownBy(() -> openStream(withoutOldKey, file, "id/QUARANTINE")).isInstanceOf(IOException.class)
                .hasMessageContaining("key id " + oldId).hasMessageNotContaining("0101904016");
    }

    @Test
    void anAlteredBodyWithAKnownKeyIdSaysAlteredAndNamesTheKey() {
        BodyCipher.Sealed row = rotated.seal(LETTER, "id/ORIGINAL");
        row.ciphertext()[0] ^= 1;

        assertThatThrownBy(() -> rotated.open(row, "id/ORIGINAL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KeyId.of(newKey)).hasMessageContaining("altered");
    }

    // --- the formats from before key ids, as the gateway wrote them ---

    private static BodyCipher.Sealed legacyRow(byte[] key, String context) {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        return new BodyCipher.Sealed(null, iv, gcm(key, iv, LETTER, context));
    }

    /** "MCS1", an 8-byte nonce prefix, then 64 KB chunks: IV = prefix + chunk number, AAD = context + /chunk or /last. */
    private static byte[] legacyStream(byte[] key, byte[] plain, String context) {
        byte[] prefix = new byte[8];
        new SecureRandom().nextBytes(prefix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("MCS1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(prefix);
        int chunk = 0;
        int at = 0;
        while (plain.length - at >= BodyCipher.CHUNK) {
            out.writeBytes(gcm(key, iv(prefix, chunk++), Arrays.copyOfRange(plain, at, at + BodyCipher.CHUNK), context + "/chunk"));
            at += BodyCipher.CHUNK;
        }
        out.writeBytes(gcm(key, iv(prefix, chunk), Arrays.copyOfRange(plain, at, plain.length), context + "/last"));
        return out.toByteArray();
    }

    private static byte[] iv(byte[] prefix, int chunk) {
        return ByteBuffer.allocate(12).put(prefix).putInt(chunk).array();
    }

    private static byte[] gcm(byte[] key, byte[] iv, byte[] plain, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(plain);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sealStream(BodyCipher cipher, byte[] plain, String context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = cipher.sealing(out, context)) {
            sealing.write(plain);
        }
        return out.toByteArray();
    }

    static byte[] openStream(BodyCipher cipher, byte[] sealed, String context) throws IOException {
        try (InputStream in = cipher.opening(new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
