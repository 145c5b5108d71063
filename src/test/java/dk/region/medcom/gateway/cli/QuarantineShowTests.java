package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.journal.BodyCipher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineShowTests {

    private static final String ID = "01a24af9-0e37-78cb-9ecb-375200053647";

    @TempDir
    Path data;

    @Test
    void writesTheSealedOriginalDecryptedByteForByte() throws IOException {
        // ISO-8859-1 EDIFACT with æøå: the bytes must come out as they went in, not re-encoded
        byte[] original = "UNA:+.? 'UNB+UNOC:3+5790000100019:14+5790000543212:14'FTX+AAI+++Hjemmepleje ÆØÅ'"
                .getBytes(StandardCharsets.ISO_8859_1);
        seal(data.resolve("quarantine").resolve(ID + ".edi"), original);

        CliTests.Run run = CliTests.runAsTheJar("quarantine", "show", ID, "--data-dir", data.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(original);
    }

    @Test
    void saysSoWhenThereIsNoSuchOriginalOrTheIdIsNotATrackingId() throws IOException {
        seal(data.resolve("quarantine").resolve("unrelated.edi"), new byte[] {1});

        CliTests.Run missing = CliTests.runAsTheJar("quarantine", "show", ID, "--data-dir", data.toString());
        CliTests.Run notAnId = CliTests.runAsTheJar("quarantine", "show", "../../etc/passwd", "--data-dir", data.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("no quarantined original of " + ID);
        assertThat(missing.stdout()).isEmpty();
        assertThat(notAnId.exitCode()).isEqualTo(2);
        assertThat(notAnId.stderr()).contains("not a tracking id");
    }

    @Test
    void anAlteredFileIsRefusedWithoutShowingAnyOfIt() throws IOException {
        Path sealed = data.resolve("quarantine").resolve(ID + ".xml");
        seal(sealed, "<Emessage>0101701234</Emessage>".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 1] ^= 1;
        Files.write(sealed, bytes);

        CliTests.Run run = CliTests.runAsTheJar("quarantine", "show", ID, "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("cannot show " + ID).doesNotContain("0101701234");
        assertThat(run.stdout()).doesNotContain("0101701234");
    }

    /** Seals as the gateway's quarantine does, under a key file where the gateway keeps it. */
    private void seal(Path file, byte[] original) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = data.resolve("journal").resolve("body-encryption.key");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
        }
        BodyCipher cipher = new BodyCipher(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
        Files.createDirectories(file.getParent());
        try (OutputStream out = cipher.sealing(Files.newOutputStream(file), file.getFileName().toString().replaceAll("\\..*", "") + "/QUARANTINE")) {
            out.write(original);
        }
    }
}
