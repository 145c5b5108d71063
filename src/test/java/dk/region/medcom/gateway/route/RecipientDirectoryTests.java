package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.RecipientRule;
import dk.region.medcom.gateway.message.Channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientDirectoryTests {

    static final String VALID = """
            recipients:
              - location-number: "5799997510009"
                name: "Aarhus"
                municipality: "751"
                channel: folder
                formats: [XDIS91]
                rules:
                  - patient-under: 18
                    location-number: "5799997511004"
              - location-number: "5799997511004"
                name: "Aarhus, Børn og Unge"
                municipality: "751"
                role: municipal-unit
                channel: http
                url: "https://example.invalid/medcom"
                formats: [xdis91]
            """;

    @Test
    void readsRecipientsWithChannelsFormatsAndRules() {
        var recipients = DirectoryFile.read(new StringReader(VALID), "test.yaml");

        assertThat(recipients).hasSize(2);
        assertThat(recipients.get(0).rules()).containsExactly(new RecipientRule(18, "5799997511004"));
        assertThat(recipients.get(1).channel()).isEqualTo(new Channel(Channel.Type.HTTP, "https://example.invalid/medcom"));
        assertThat(recipients.get(1).formats()).containsExactly("XDIS91");
        assertThat(recipients.get(1).reachedByRuleOnly()).isTrue();
    }

    @Test
    void namesTheLineOfAnUnknownChannel() {
        assertThatThrownBy(() -> DirectoryFile.read(new StringReader(VALID.replace("channel: folder", "channel: fax")), "test.yaml"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessage("test.yaml line 5: channel must be folder, queue or http");
    }

    @Test
    void namesTheLineOfABadLocationNumber() {
        assertThatThrownBy(() -> DirectoryFile.read(new StringReader(VALID.replace("\"5799997510009\"", "\"57999\"")), "t"))
                .hasMessage("t line 2: location-number must be 13 digits");
    }

    @Test
    void refusesADuplicateLocationNumber() {
        String twice = VALID.replace("\"5799997511004\"\n    name", "\"5799997510009\"\n    name");
        assertThatThrownBy(() -> DirectoryFile.read(new StringReader(twice), "t"))
                .hasMessageContaining("is already listed at line 2");
    }

    @Test
    void refusesARuleNamingAnUnlistedRecipient() {
        assertThatThrownBy(() -> DirectoryFile.read(new StringReader(VALID.replace("patient-under: 18\n        location-number: \"5799997511004\"", "patient-under: 18\n        location-number: \"5799990000000\"")), "t"))
                .hasMessageContaining("names 5799990000000, which is not listed");
    }

    @Test
    void namesTheLineOfBrokenYaml() {
        assertThatThrownBy(() -> DirectoryFile.read(new StringReader("recipients:\n  - name: [unclosed\n"), "t"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageStartingWith("t line 3");
    }

    @Test
    void reloadsAChangedFileAndKeepsThePreviousOneWhenTheNewOneIsInvalid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recipients.yaml");
        Files.writeString(file, VALID);
        RecipientDirectory directory = RecipientDirectory.load(file.toUri().toString());
        assertThat(directory.size()).isEqualTo(2);

        Files.writeString(file, VALID.replace("channel: folder", "channel: fax"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThatThrownBy(directory::reloadIfChanged).isInstanceOf(InvalidDirectoryException.class);
        assertThat(directory.find("5799997510009")).isPresent();

        Files.writeString(file, VALID.substring(0, VALID.indexOf("  - location-number: \"5799997511004\""))
                .replace("    rules:\n      - patient-under: 18\n        location-number: \"5799997511004\"\n", ""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(directory.reloadIfChanged()).isTrue();
        assertThat(directory.size()).isEqualTo(1);
        assertThat(directory.reloadIfChanged()).isFalse();
    }
}
