package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.RecipientRule;
import dk.region.medcom.gateway.message.Channel;
import dk.region.medcom.gateway.message.Recipient;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.xml.PatientReader;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import dk.region.medcom.gateway.translate.RecipientTranslator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every way a recipient is found, every reason none is, and what routing writes into the message. */
class RouterTests {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final String ADULT_CPR = "0101904321";   // born 1990
    static final String CHILD_CPR = "0101154321";   // born 2015 (7th digit 4, year 15)

    static final Recipient AARHUS = new Recipient("5799997510009", "Aarhus, Sundhed og Omsorg", "751", "Aarhus Kommune",
            "Sundhed og Omsorg", Channel.folder(), Set.of("XDIS91", "XREF15"), true, false,
            List.of(new RecipientRule(18, "5799997511004")));
    static final Recipient AARHUS_CHILDREN = new Recipient("5799997511004", "Aarhus, Børn og Unge", "751",
            "Aarhus Kommune", "Børn og Unge", Channel.folder(), Set.of("XDIS91", "XREF15"), true, true, List.of());
    static final Recipient AALBORG_EDIFACT = new Recipient("5799998510002", "Aalborg", "851", "Aalborg Kommune", null,
            Channel.folder(), Set.of("DIS91"), true, false, List.of());
    static final Recipient HOSPITAL = new Recipient("5790000100019", "Hospital", Channel.folder(), Set.of("XCTL03"), true);
    static final Recipient ODENSE_DISABLED = new Recipient("5799994610003", "Odense", "461", "Odense Kommune", null,
            Channel.folder(), Set.of("XDIS91"), false, false, List.of());

    final Router router = new Router(
            new RecipientDirectory(List.of(AARHUS, AARHUS_CHILDREN, AALBORG_EDIFACT, ODENSE_DISABLED, HOSPITAL)),
            MunicipalityDirectory.load(), new PostcodeDirectory(Map.of("8000", "751", "9000", "851")), NOW);

    @Nested
    class FindsTheRecipient {

        @Test
        void byTheReceiversLocationNumber() {
            PipelineMessage routed = router.route(message(receiver("5799997510009", "x", "sygehusafdelingsnummer"), ADULT_CPR, null, null));

            assertThat(routed.routing().recipient()).isEqualTo(AARHUS);
            assertThat(routed.routing().targetFormat()).isEqualTo(MessageFormat.XML);
            assertThat(routed.routing().municipality()).isNull();
            assertThat(routed.isEnriched()).isFalse();
        }

        @Test
        void refusesASenderTheDirectoryDoesNotKnow() {
            PipelineMessage message = message(receiver("5799997510009", "x", "sygehusafdelingsnummer"), ADULT_CPR, null, null);
            message = message.withParse(MessageFormat.XML, message.xml(), message.document(), new MessageHeader("XDIS91", "V",
                    "urn:test", "ClinicalEmail", "E1", "L1", "5790000000005", "5799997510009", false));

            PipelineMessage routed = router.route(message);

            assertThat(routed.isRejected()).isTrue();
            assertThat(routed.findings()).extracting(Finding::ruleId).containsExactly("ROUTE-UNKNOWN-SENDER");
        }

        @Test
        void refusesASenderThatIsNotALocationNumberWithoutEchoingIt() {
            PipelineMessage message = message(receiver("5799997510009", "x", "sygehusafdelingsnummer"), ADULT_CPR, null, null);
            message = message.withParse(MessageFormat.XML, message.xml(), message.document(), new MessageHeader("XDIS91", "V",
                    "urn:test", "ClinicalEmail", "E1", "L1", "../../inbox", "5799997510009", true));

            PipelineMessage routed = router.route(message);

            assertThat(routed.isRejected()).isTrue();
            assertThat(routed.routing()).isNull();
            assertThat(routed.findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("ROUTE-SENDER-NOT-LOCATION-NUMBER");
                assertThat(f.textEn()).doesNotContain("inbox");
            });
        }

        @Test
        void neverQuotesASenderFieldThatIsNotALocationNumber() { // found by fuzzing: a CPR number there was quoted
            PipelineMessage message = message(receiver("5799997510009", "x", "sygehusafdelingsnummer"), ADULT_CPR, null, null);
            message = message.withParse(MessageFormat.XML, message.xml(), message.document(), new MessageHeader("XDIS91", "V",
                    "urn:test", "ClinicalEmail", "E1", "L1", "0101904321", "5799997510009", false));

            assertThat(router.route(message).findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("ROUTE-SENDER-NOT-LOCATION-NUMBER");
                assertThat(f.textEn() + f.textDa()).doesNotContain("0101904321");
            });
        }

        @Test
        void byTheReceiversKommunenummerWhenItNamesNoLocationNumber() {
            PipelineMessage routed = router.route(message(receiver("0000000000000", "751", "kommunenummer"), ADULT_CPR, null, null));

            assertThat(routed.routing().recipient()).isEqualTo(AARHUS);
            assertThat(routed.routing().municipality()).isEqualTo("751");
            assertThat(routed.routing().steps()).anySatisfy(s -> assertThat(s).contains("kommunenummer 751 is Aarhus"));
        }

        @Test
        void byThePatientsResidenceMunicipality() {
            PipelineMessage routed = router.route(message(receiver(null, "x", "sorkode"), ADULT_CPR, "851", null));

            assertThat(routed.routing().recipient()).isEqualTo(AALBORG_EDIFACT);
            assertThat(routed.routing().targetFormat()).isEqualTo(MessageFormat.EDIFACT);
        }

        @Test
        void byThePatientsPostcode() {
            PipelineMessage routed = router.route(message(receiver(null, "x", "sorkode"), ADULT_CPR, null, "8000"));

            assertThat(routed.routing().recipient()).isEqualTo(AARHUS);
            assertThat(routed.routing().steps()).anySatisfy(s -> assertThat(s).contains("postcode 8000"));
        }

        @Test
        void sendsChildrenToTheChildrenAndYouthUnitByTheRecipientsRule() {
            PipelineMessage routed = router.route(message(receiver("5799997510009", "751", "kommunenummer"), CHILD_CPR, null, null));

            assertThat(routed.routing().recipient()).isEqualTo(AARHUS_CHILDREN);
            assertThat(routed.routing().steps()).anySatisfy(s -> assertThat(s).contains("under 18"));
            assertThat(routed.routing().steps()).noneSatisfy(s -> assertThat(s).contains(CHILD_CPR));
        }

        /** Routing reads the patient facts parse derived, never the patient in the XML again. */
        @Test
        void byThePatientFactsParseRead() {
            PipelineMessage message = message(receiver("5799997510009", "751", "kommunenummer"), ADULT_CPR, null, null);
            message = message.withParse(MessageFormat.XML, message.xml(), message.document(), message.header(),
                    PatientFacts.of(CprNumber.of(CHILD_CPR).orElseThrow(), null, null, null));
            assertThat(router.route(message).routing().recipient()).isEqualTo(AARHUS_CHILDREN);

            PipelineMessage byResidence = message(receiver(null, "x", "sorkode"), ADULT_CPR, null, null);
            byResidence = byResidence.withParse(MessageFormat.XML, byResidence.xml(), byResidence.document(), byResidence.header(),
                    PatientFacts.of(CprNumber.of(ADULT_CPR).orElseThrow(), null, "851", null));
            assertThat(router.route(byResidence).routing().recipient()).isEqualTo(AALBORG_EDIFACT);
        }

        @Test
        void neverPicksAUnitReachedOnlyByRuleForAMunicipality() {
            assertThat(router.route(message(receiver(null, "751", "kommunenummer"), ADULT_CPR, null, null))
                    .routing().recipient()).isEqualTo(AARHUS);
        }
    }

    /** Routing decides; the resolved receiver is written once, where translate makes the outbound form. */
    @Nested
    class WritesTheResolvedReceiverIntoTheMessage {

        @Test
        void whenFoundByMunicipality() {
            PipelineMessage message = message(receiver("DKKMDKMDNET", "751", "kommunenummer"), ADULT_CPR, null, null);
            PipelineMessage routed = router.route(message);

            assertThat(routed.isEnriched()).isTrue();
            String xml = new String(new RecipientTranslator(null).translate(routed).outbound(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<EANIdentifier>5799997510009</EANIdentifier>")
                    .contains("<OrganisationName>Aarhus Kommune</OrganisationName>")
                    .doesNotContain("DKKMDKMDNET");
            // the DOM parse read, and the XML form, stay the message as received
            assertThat(new String(routed.xml(), StandardCharsets.UTF_8)).contains("DKKMDKMDNET");
            assertThat(routed.document().getElementsByTagNameNS("urn:test", "EANIdentifier").item(1).getTextContent())
                    .isEqualTo("DKKMDKMDNET");
            assertThat(routed.routing().recipient()).isEqualTo(AARHUS);
        }
    }

    @Nested
    class RejectsWithTheCause {

        @Test
        void anUnknownReceiverWithoutAnyMunicipality() {
            assertThat(ruleIds(router.route(message(receiver("5790009999994", "x", "sorkode"), ADULT_CPR, null, null))))
                    .containsExactly("ROUTE-UNKNOWN-RECIPIENT");
        }

        /** Issue #16: a receiver addressed by an unknown location number was delivered to its municipality. */
        @Test
        void anUnknownReceiverLocationNumberIsNeverReplacedByItsMunicipality() {
            PipelineMessage routed = router.route(message(receiver("5790009999994", "751", "kommunenummer"), ADULT_CPR, "851", null));

            assertThat(ruleIds(routed)).containsExactly("ROUTE-UNKNOWN-RECIPIENT");
            assertThat(routed.routing()).isNull();
        }

        /** Issue #16: a letter to kommunenummer 999 was delivered to the patient's residence municipality. */
        @Test
        void anUnknownKommunenummerIsNeverReplacedByThePatientsMunicipality() {
            PipelineMessage message = message(receiver(null, "999", "kommunenummer"), ADULT_CPR, "851", "8000");
            RoutingOutcome outcome = router.decide(header("XDIS91", null), message.patient(), message.document());

            assertThat(outcome.isRouted()).isFalse();
            assertThat(outcome.failure().ruleId()).isEqualTo("ROUTE-UNKNOWN-RECIPIENT");
            assertThat(outcome.steps()).anySatisfy(s -> assertThat(s).contains("no other way is tried"))
                    .noneSatisfy(s -> assertThat(s).contains("residence"));
        }

        @Test
        void aMunicipalityCodeThatIsNotOneOfThe98() {
            PipelineMessage routed = router.route(message(receiver(null, "999", "kommunenummer"), ADULT_CPR, "998", null));

            assertThat(ruleIds(routed)).containsExactly("ROUTE-UNKNOWN-RECIPIENT");
        }

        @Test
        void aMunicipalityWithNoRecipientForTheType() {
            PipelineMessage routed = router.route(message(receiver(null, "101", "kommunenummer"), ADULT_CPR, null, null));

            assertThat(ruleIds(routed)).containsExactly("ROUTE-NO-RECIPIENT-FOR-TYPE");
        }

        @Test
        void aDisabledRecipient() {
            assertThat(ruleIds(router.route(message(receiver("5799994610003", "461", "kommunenummer"), ADULT_CPR, null, null))))
                    .containsExactly("ROUTE-RECIPIENT-DISABLED");
        }

        @Test
        void aTypeTheRecipientDoesNotTake() {
            PipelineMessage message = message(receiver("5799998510002", "851", "kommunenummer"), ADULT_CPR, null, null);
            message = message.withParse(MessageFormat.XML, message.xml(), message.document(), header("XREF15", "5799998510002"));

            assertThat(ruleIds(router.route(message))).containsExactly("ROUTE-FORMAT-NOT-TAKEN");
        }
    }

    @Test
    void loadsTheDemoDirectoryWithARecipientForEveryMunicipality() {
        RecipientDirectory demo = RecipientDirectory.load("classpath:directory/demo-recipients.yaml");
        MunicipalityDirectory all = MunicipalityDirectory.load();

        assertThat(all.all()).hasSize(98);
        for (Municipality municipality : all.all()) {
            assertThat(demo.forMunicipality(municipality.code())).as(municipality.name()).isNotEmpty();
        }
        assertThat(demo.find("5790001000035")).get().extracting(Recipient::enabled).isEqualTo(false);
    }

    static String receiver(String ean, String identifier, String identifierCode) {
        return "<Receiver>" + (ean == null ? "" : "<EANIdentifier>" + ean + "</EANIdentifier>")
                + "<Identifier>" + identifier + "</Identifier><IdentifierCode>" + identifierCode + "</IdentifierCode>"
                + "<OrganisationName>Old</OrganisationName></Receiver>";
    }

    static PipelineMessage message(String receiverXml, String cpr, String residence, String postcode) {
        String xml = "<Emessage xmlns=\"urn:test\"><Envelope/><ClinicalEmail><Letter/>"
                + "<Sender><EANIdentifier>5790000100019</EANIdentifier></Sender>" + receiverXml
                + "<Patient><CivilRegistrationNumber>" + cpr + "</CivilRegistrationNumber>"
                + (postcode == null ? "" : "<PostCodeIdentifier>" + postcode + "</PostCodeIdentifier>") + "</Patient>"
                + (residence == null ? "" : "<ResidenceMunicipalityCode>" + residence + "</ResidenceMunicipalityCode>")
                + "</ClinicalEmail></Emessage>";
        Document document = parse(xml);
        String ean = document.getElementsByTagNameNS("urn:test", "EANIdentifier").getLength() > 1
                ? document.getElementsByTagNameNS("urn:test", "EANIdentifier").item(1).getTextContent() : null;
        return new PipelineMessage(TrackingId.newId(), "test", xml.getBytes(StandardCharsets.UTF_8)).withParse(MessageFormat.XML, xml.getBytes(StandardCharsets.UTF_8), document, header("XDIS91", ean),
                PatientReader.read(document));
    }

    static MessageHeader header(String type, String receiver) {
        return new MessageHeader(type, "V", "urn:test", "ClinicalEmail", "E1", "L1", "5790000100019", receiver, false);
    }

    static Document parse(String xml) {
        try {
            return XmlFactories.hardenedDomFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ruleIds(PipelineMessage message) {
        return message.findings().stream().map(Finding::ruleId).toList();
    }
}
