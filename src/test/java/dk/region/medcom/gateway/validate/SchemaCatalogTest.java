package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCatalogTest {

    private static final String NS_2006 = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/";
    private static final MessageKind XDIS91 = new MessageKind(NS_2006, "ClinicalEmail", "XD9134L");

    @MedcomConformance
    @ParameterizedTest
    @ValueSource(strings = {"DIS91_1.xml", "CTL01_1.xml", "CTL03_1.xml"})
    void medcomVectorsValidateAgainstMedcomsOwnSchemaPack(String vector) {
        SchemaCatalog catalog = new SchemaCatalog(List.of(Fixtures.MEDCOM_SCHEMAS));
        MessageValidator validator = new MessageValidator(catalog, new SafeXmlParser(), List.of());

        ValidationReport report = validator.validate(Fixtures.vector(vector));

        assertThat(report.findings()).isEmpty();
    }

    @MedcomConformance
    @Test
    void aLaterSchemaPackWinsForTheNamespacesItDefines() {
        SchemaCatalog ownOnly = new SchemaCatalog(List.of(Fixtures.SCHEMAS));
        SchemaCatalog withPack = new SchemaCatalog(List.of(Fixtures.SCHEMAS, Fixtures.MEDCOM_SCHEMAS));
        MessageKind laboratoryRequest = new MessageKind(NS_2006, "LaboratoryRequest", "");

        // MedCom's 2006 pack knows LaboratoryRequest; the gateway's own 2006 schema does not
        assertThat(ownOnly.schemaFor(laboratoryRequest)).isEmpty();
        assertThat(withPack.schemaFor(laboratoryRequest)).isPresent();
        assertThat(withPack.schemaFor(XDIS91).orElseThrow()).isNotSameAs(ownOnly.schemaFor(XDIS91).orElseThrow());
    }

    @Test
    void picksTheEntryNamedAfterTheVersionCodeBeforeTheGeneralOne() throws IOException {
        Path root = Files.createDirectories(Paths.get("target", "catalog-test", "versions"));
        Files.writeString(root.resolve("EMessage.xsd"), emessageAccepting("Old"));
        Files.writeString(root.resolve("XH1531R.xsd"), emessageAccepting("New"));
        MessageValidator validator = new MessageValidator(new SchemaCatalog(List.of(root)), new SafeXmlParser(), List.of());
        String xml = "<Emessage xmlns='urn:versions'><New><Letter><VersionCode>%s</VersionCode></Letter></New></Emessage>";

        assertThat(validator.validate(Fixtures.utf8(xml.formatted("XH1531R"))).findings()).isEmpty();
        assertThat(validator.validate(Fixtures.utf8(xml.formatted("XH1530R"))).findings()).isNotEmpty();
    }

    private static String emessageAccepting(String letter) {
        return """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:v="urn:versions" targetNamespace="urn:versions"
                           elementFormDefault="qualified">
                  <xs:element name="Emessage"><xs:complexType><xs:sequence>
                    <xs:element ref="v:%1$s"/>
                  </xs:sequence></xs:complexType></xs:element>
                  <xs:element name="%1$s"><xs:complexType><xs:sequence><xs:any processContents="skip"/></xs:sequence></xs:complexType></xs:element>
                </xs:schema>
                """.formatted(letter);
    }

    @Test
    void compilesEachSchemaOnceAndSharesIt() {
        SchemaCatalog catalog = new SchemaCatalog(List.of(Fixtures.SCHEMAS));

        Schema first = catalog.schemaFor(XDIS91).orElseThrow();
        Schema second = catalog.schemaFor(XDIS91).orElseThrow();

        assertThat(first).isSameAs(second);
    }

    @Test
    void knowsNothingAboutAnUnknownNamespace() {
        SchemaCatalog catalog = new SchemaCatalog(List.of(Fixtures.SCHEMAS));

        assertThat(catalog.schemaFor(new MessageKind("urn:nobody", "ClinicalEmail", "XD9134L"))).isEmpty();
    }

    @Test
    void reportsAnUnknownKindAsAnErrorWithRefuseCodeVer() {
        MessageValidator validator = MessageValidator.withDefaults(Fixtures.SCHEMAS);

        ValidationReport report = validator.validate(Fixtures.utf8("<Emessage xmlns='urn:nobody'><Envelope/><X/></Emessage>"));

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("XSD-UNKNOWN-KIND");
            assertThat(f.location().xpath()).isEqualTo("/Emessage");
        });
        assertThat(report.refuseCode()).contains("VER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.xsd", "http://example.invalid/remote.xsd"})
    void refusesAnIncludeThatLeavesTheSchemaRoots(String location) throws IOException {
        Path root = Files.createDirectories(Paths.get("target", "catalog-test", "escape"));
        Files.writeString(root.resolve("EMessage.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:escape">
                  <xs:include schemaLocation="%s"/>
                  <xs:element name="Emessage"/>
                </xs:schema>
                """.formatted(location));
        Files.writeString(root.resolveSibling("outside.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:escape"/>
                """);
        SchemaCatalog catalog = new SchemaCatalog(List.of(root));

        assertThatThrownBy(() -> catalog.schemaFor(new MessageKind("urn:escape", "", "")))
                .hasStackTraceContaining("outside the schema roots");
    }

    private static boolean rejectsLetter(SchemaCatalog catalog, MessageKind kind, String xml, String element) {
        assertThat(catalog.schemaFor(kind)).isPresent();
        ValidationReport report = new MessageValidator(catalog, new SafeXmlParser(), List.of()).validate(Fixtures.utf8(xml));
        return report.errors().stream().anyMatch(f -> f.textEn().contains("starting with element '{" + element + "}'"));
    }
}
