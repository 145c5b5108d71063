package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BodyCipherTests {

    private static final byte[] LETTER = "<CivilRegistrationNumber>0101904016</CivilRegistrationNumber>"
            .getBytes(StandardCharsets.UTF_8);

    private final BodyCipher cipher = new BodyCipher(randomKey());

    @Test
    void opensWhatItSealed() {
        BodyCipher.Sealed sealed = cipher.seal(LETTER, "id/ORIGINAL");

        assertThat(sealed.iv()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("0101904016");
        assertThat(cipher.open(sealed, "id/ORIGINAL")).isEqualTo(LETTER);
    }

    @Test
    void usesAFreshIvForEveryBody() {
        assertThat(cipher.seal(LETTER, "a/ORIGINAL").iv()).isNotEqualTo(cipher.seal(LETTER, "a/ORIGINAL").iv());
    }

    @Test
    void refusesABodyMovedToAnotherMessage() {
        BodyCipher.Sealed sealed = cipher.seal(LETTER, "a/ORIGINAL");

        assertThatThrownBy(() -> cipher.open(sealed, "b/ORIGINAL"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("0101904016");
    }

    @Test
    void refusesAnAlteredBody() {
        BodyCipher.Sealed sealed = cipher.seal(LETTER, "a/ORIGINAL");
        sealed.ciphertext()[3] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "a/ORIGINAL")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        assertThatThrownBy(() -> new BodyCipher(new byte[16])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesACprNumberTheSameWithOrWithoutHyphenAndNeverAsTheNumber() {
        CprHasher hasher = new CprHasher(randomKey());

        assertThat(hasher.hash("010190-4016")).isEqualTo(hasher.hash("0101904016"));
        assertThat(hasher.hash("0101904016").orElseThrow()).hasSize(64).doesNotContain("0101904016");
        assertThat(new CprHasher(randomKey()).hash("0101904016")).isNotEqualTo(hasher.hash("0101904016"));
        assertThat(hasher.hash("12345")).isEmpty();
    }

    @Test
    void findsThePatientsCprInTheXmlForm() {
        byte[] xml = ("<Emessage><Patient><CivilRegistrationNumber> 0101904016 </CivilRegistrationNumber>"
                + "</Patient></Emessage>").getBytes(StandardCharsets.UTF_8);

        assertThat(PatientCpr.in(xml)).contains("0101904016");
        assertThat(PatientCpr.in("<Emessage/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
