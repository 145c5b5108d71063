package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.parse.xml.PatientReader;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.io.ByteArrayInputStream;
import org.w3c.dom.Document;
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

    /** The journal hashes the CPR number parse read into the patient facts; it never reads the XML again. */
    @Test
    void findsThePatientsCprInTheFactsParseRead() throws Exception {
        byte[] xml = ("<Emessage><Envelope/><ClinicalEmail><Patient><CivilRegistrationNumber> 0101904016 </CivilRegistrationNumber>"
                + "</Patient></ClinicalEmail></Emessage>").getBytes(StandardCharsets.UTF_8);

        assertThat(Journal.cprOf(PatientReader.read(dom(xml)))).contains("0101904016");
        assertThat(Journal.cprOf(PatientReader.read(dom("<Emessage/>".getBytes(StandardCharsets.UTF_8))))).isEmpty();
        assertThat(Journal.cprOf(PatientFacts.NONE)).isEmpty();
    }

    private static Document dom(byte[] xml) throws Exception {
        return XmlFactories.hardenedDomFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, BodyCipher.CHUNK - 1, BodyCipher.CHUNK, BodyCipher.CHUNK + 1, 3 * BodyCipher.CHUNK + 7})
    void opensAStreamItSealedInChunksOfAnySize(int size) throws Exception {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);

        byte[] sealed = sealStream(plain, "id/QUARANTINE");

        try (java.io.InputStream in = cipher.opening(new java.io.ByteArrayInputStream(sealed), "id/QUARANTINE")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void aSealedStreamHidesItsContentAndRefusesAnotherContextACutOrAChange() throws Exception {
        byte[] plain = ("0101904016 " + "x".repeat(2 * BodyCipher.CHUNK)).getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = sealStream(plain, "a/QUARANTINE");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("0101904016");

        assertThatThrownBy(() -> openStream(sealed, "b/QUARANTINE")).isInstanceOf(java.io.IOException.class)
                .hasMessageNotContaining("0101904016");
        // whole chunks cut off the end: the new last chunk was not sealed as the last
        assertThatThrownBy(() -> openStream(java.util.Arrays.copyOf(sealed, BodyCipher.STREAM_HEADER_BYTES + BodyCipher.CHUNK + 16), "a/QUARANTINE"))
                .isInstanceOf(java.io.IOException.class);
        byte[] changed = sealed.clone();
        changed[40] ^= 1;
        assertThatThrownBy(() -> openStream(changed, "a/QUARANTINE")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void sealsBrokerBodiesAsOneArrayBoundToTheirContext() {
        byte[] sealed = cipher.sealToBytes(LETTER, "id/INBOUND");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("0101904016");
        assertThat(cipher.openBytes(sealed, "id/INBOUND")).isEqualTo(LETTER);
        assertThatThrownBy(() -> cipher.openBytes(sealed, "id/DELIVER")).isInstanceOf(IllegalStateException.class);
    }

    private byte[] sealStream(byte[] plain, String context) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream sealing = cipher.sealing(out, context)) {
            // in uneven pieces, as a stream copy writes
            for (int at = 0; at < plain.length; at += 10_000) {
                sealing.write(plain, at, Math.min(10_000, plain.length - at));
            }
        }
        return out.toByteArray();
    }

    private byte[] openStream(byte[] sealed, String context) throws java.io.IOException {
        try (java.io.InputStream in = cipher.opening(new java.io.ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }
}
