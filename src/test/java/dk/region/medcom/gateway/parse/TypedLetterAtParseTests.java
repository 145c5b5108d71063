package dk.region.medcom.gateway.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.message.TypedLetter;
import dk.region.medcom.gateway.message.medcom2005.PositiveReceipt;
import dk.region.medcom.gateway.message.medcom2006.ClinicalEmail;
import dk.region.medcom.gateway.message.medcom2017.MunicipalReferral;
import dk.region.medcom.gateway.message.medcom2017.ReferralKindType;
import dk.region.medcom.gateway.message.municipality104.RehabilitationPlan;
import dk.region.medcom.gateway.parse.xml.LetterBinder;
import dk.region.medcom.gateway.parse.xml.NodeLocations;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Parse reads the letter into the generated JAXB classes once, from the DOM it built. */
class TypedLetterAtParseTests {

    private final MessageParser parser = new MessageParser(EdifactTranslator.withDefaultMappings(), new SafeXmlParser());

    @Test
    void readsAMunicipalReferralIntoTheMedcom2017Classes() throws Exception {
        PipelineMessage message = parse("samples/xref15/xref15-valid-rehabilitation.xml");

        MunicipalReferral referral = message.letter().as(MunicipalReferral.class).orElseThrow();
        assertThat(referral.getReferralKind()).isEqualTo(ReferralKindType.REHABILITERING);
        assertThat(referral.getConsent().isConsentGiven()).isTrue();
        assertThat(referral.getResidenceMunicipalityCode()).isEqualTo("851");
        assertThat(referral.getNeedsAssessment().getPrioritisedArea()).hasSize(2);
        assertThat(referral.getHospitalContact().getPersonName()).isEqualTo("Kontaktsygeplejerske Demo Person");
    }

    @Test
    void isBoundToTheDomParseBuiltNotToASecondParse() throws Exception {
        PipelineMessage message = parse("samples/xref15/xref15-valid-rehabilitation.xml");
        MunicipalReferral referral = message.letter().as(MunicipalReferral.class).orElseThrow();

        Element consent = message.letter().elementOf(referral.getConsent()).orElseThrow();
        assertThat(consent.getOwnerDocument()).isSameAs(message.document());
        assertThat(NodeLocations.of(consent).line()).isEqualTo(50); // the parse's line numbers still apply
    }

    @Test
    void readsTheOtherNamespacesIntoTheirOwnPackages() throws Exception {
        assertThat(parse("samples/xdis91/xdis91-valid-needs-assessment.xml").letter().as(ClinicalEmail.class)).isPresent();
        assertThat(parse("samples/ggop/ggop-valid-general-advanced.xml").letter().as(RehabilitationPlan.class)).isPresent();
        assertThat(parse("samples/dis91/dis91-valid-hospital-to-gp.edi").letter().as(ClinicalEmail.class)).isPresent();
        assertThat(parse("samples/receipts/ctl03-valid-positive.xml").letter().as(PositiveReceipt.class)).isPresent();
    }

    @Test
    void aLetterOfAnUnknownNamespaceHasNoTypedForm() throws Exception {
        var document = new SafeXmlParser().parse("<Emessage xmlns=\"urn:other\"><Envelope/><ClinicalEmail/></Emessage>".getBytes());

        assertThat(LetterBinder.bind(document)).isSameAs(TypedLetter.NONE);
        assertThat(TypedLetter.NONE.as(ClinicalEmail.class)).isEmpty();
    }

    @Test
    void neverShowsTheLettersContent() throws Exception {
        TypedLetter letter = parse("samples/xref15/xref15-valid-rehabilitation.xml").letter();

        assertThat(letter.toString()).isEqualTo("TypedLetter[MunicipalReferral]");
    }

    private PipelineMessage parse(String file) throws Exception {
        PipelineMessage message = parser.parse(new PipelineMessage(TrackingId.newId(), "test", Files.readAllBytes(Path.of(file))));
        assertThat(message.isRejected()).isFalse();
        return message;
    }
}
