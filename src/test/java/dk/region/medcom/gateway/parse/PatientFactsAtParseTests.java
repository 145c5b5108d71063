package dk.region.medcom.gateway.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.Sex;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Parse reads the patient once; every later stage reads {@link PipelineMessage#patient()}. */
class PatientFactsAtParseTests {

    private final MessageParser parser = new MessageParser(EdifactTranslator.withDefaultMappings(), new SafeXmlParser());

    @Test
    void readsCprBirthDateSexMunicipalityAndPostcodeOfAReferral() throws Exception {
        PipelineMessage message = parse(Path.of("samples/xref15/xref15-valid-rehabilitation.xml"));

        PatientFacts patient = message.patient();
        assertThat(patient.cpr()).isEqualTo(CprNumber.of("0101904016").orElseThrow());
        assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(patient.sex()).isEqualTo(Sex.FEMALE);
        assertThat(patient.residenceMunicipality()).isEqualTo("851");
        assertThat(patient.postcode()).isEqualTo("9999");
        assertThat(patient.cprLocation())
                .isEqualTo(Location.xml(40, 32, "/Emessage/MunicipalReferral/Patient/CivilRegistrationNumber"));
    }

    @Test
    void readsThePatientOfAnEdifactMessageFromItsXmlForm() throws Exception {
        PipelineMessage message = parse(Path.of("samples/dis91/dis91-valid-hospital-to-gp.edi"));

        assertThat(message.isRejected()).isFalse();
        assertThat(message.patient().cpr()).isEqualTo(CprNumber.of("0101904321").orElseThrow());
        assertThat(message.patient().birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(message.patient().sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void aPatientWithAReplacementIdentifierHasNoCprNumber() throws Exception {
        PipelineMessage message = parse(Path.of("samples/dis91/dis91-valid-gp-to-municipality.edi"));

        assertThat(message.isRejected()).isFalse();
        assertThat(message.patient().cpr()).isNull();
        assertThat(message.patient().birthDate()).isNull();
    }

    @Test
    void anUnreadableMessageHasNoPatient() {
        PipelineMessage message = parser.parse(new PipelineMessage(TrackingId.newId(), "test", "<Emessage".getBytes()));

        assertThat(message.isRejected()).isTrue();
        assertThat(message.patient()).isEqualTo(PatientFacts.NONE);
    }

    private PipelineMessage parse(Path file) throws Exception {
        return parser.parse(new PipelineMessage(TrackingId.newId(), "test", Files.readAllBytes(file)));
    }
}
