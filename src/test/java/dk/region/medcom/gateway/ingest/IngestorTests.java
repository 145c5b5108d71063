package dk.region.medcom.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestorTests {

    @Test
    void keepsOnlyAShortSafeExtensionOfTheSendersFileName() {
        assertThat(Ingestor.extensionOf("henvisning 0101904321.XML")).isEqualTo(".xml");
        assertThat(Ingestor.extensionOf("brev.edi")).isEqualTo(".edi");
        assertThat(Ingestor.extensionOf("no-extension")).isEmpty();
        assertThat(Ingestor.extensionOf("odd.name.with spaces")).isEmpty();
        assertThat(Ingestor.extensionOf("x.0101904321")).isEmpty();
    }
}
