package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.region.medcom.gateway.validate.MessageValidator;
import dk.region.medcom.gateway.validate.ValidateProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schemas compile in the background, but a broken one still fails start-up. */
class SchemaCompilationTests {

    @Test
    void theOwnSchemasCompile() {
        SchemaCompilation compilation = new SchemaCompilation(validator(List.of()));

        assertThatCode(compilation::afterSingletonsInstantiated).doesNotThrowAnyException();
    }

    @Test
    void aBrokenSchemaPackFailsStartUp() throws IOException {
        Path pack = Files.createDirectories(Path.of("target", "schema-compilation-test", "broken"));
        Files.writeString(pack.resolve("EMessage.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:broken">
                  <xs:element name="Emessage" type="NoSuchType"/>
                </xs:schema>
                """);
        SchemaCompilation compilation = new SchemaCompilation(validator(List.of(pack)));

        assertThatThrownBy(compilation::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }

    private static MessageValidator validator(List<Path> packs) {
        return MessageValidator.lazy(new ValidateProperties(packs, Path.of("schemas"), 0, null, null), Clock.systemUTC());
    }
}
