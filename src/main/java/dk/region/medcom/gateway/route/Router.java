package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.Cpr;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * The route stage: finds the recipient of a message and the format it takes, and writes the
 * resolved receiver into the message. The recipient is found from, in order: the receiver's
 * location number; the receiver's municipality code (IdentifierCode kommunenummer); the patient's
 * residence municipality code; the patient's postcode. Then the recipient's own rules apply
 * (children under 18 to the children-and-youth unit). Every step is recorded.
 */
public class Router {

    private static final String RECEIVER_XPATH = "/Emessage/*/Receiver";

    private final RecipientDirectory recipients;
    private final MunicipalityDirectory municipalities;
    private final PostcodeDirectory postcodes;
    private final ReceiverEnrichment enrichment;
    private final Clock clock;

    public Router(RecipientDirectory recipients, MunicipalityDirectory municipalities, PostcodeDirectory postcodes,
                  Clock clock) {
        this.recipients = recipients;
        this.municipalities = municipalities;
        this.postcodes = postcodes;
        this.enrichment = new ReceiverEnrichment();
        this.clock = clock;
    }

    /** Only a 13-digit location number is quoted: the field may hold anything, a CPR number too (found by fuzzing). */
    private static String quotable(String locationNumber) {
        return locationNumber.matches("[0-9]{13}") ? locationNumber : "(not 13 digits)";
    }

    public PipelineMessage route(PipelineMessage message) {
        String sender = message.header().senderLocation();
        if (sender != null && recipients.find(sender).isEmpty()) {
            // receipts still go back to its outbox folder; the operator should add it to the directory
            message.addFindings(List.of(Finding.warning("ROUTE-UNKNOWN-SENDER",
                    Location.xml(null, null, "/Emessage/*/Sender/EANIdentifier"),
                    "sender location number " + quotable(sender) + " is not in the recipient directory",
                    "afsenderens lokationsnummer " + quotable(sender) + " findes ikke i modtagerkataloget")));
        }
        RoutingOutcome outcome = decide(message.header(), message.document());
        if (!outcome.isRouted()) {
            message.addFindings(List.of(outcome.failure()));
            return message;
        }
        RoutingDecision decision = outcome.decision();
        Recipient recipient = decision.recipient();
        if (message.document() != null && !recipient.locationNumber().equals(message.header().receiverLocation())) {
            message.enriched(enrichment.writeReceiver(message.document(), recipient));
        }
        message.routed(decision);
        return message;
    }

    /** Decides without changing anything: the explain API uses this too. */
    public RoutingOutcome decide(MessageHeader header, Document document) {
        RoutingFacts facts = document == null
                ? new RoutingFacts(header.messageType(), header.receiverLocation(), null, null, null, null, Optional.empty())
                : RoutingFacts.read(document, header.messageType(), header.receiverLocation());
        List<String> steps = new ArrayList<>();
        Optional<Recipient> byLocation = recipients.find(facts.receiverLocation());
        Recipient recipient;
        String municipality = null;
        if (byLocation.isPresent()) {
            recipient = byLocation.get();
            steps.add("receiver location number " + recipient.locationNumber() + " is in the recipient directory: "
                    + recipient.name());
        } else {
            steps.add(facts.receiverLocation() == null ? "the message names no receiver location number"
                    : "receiver location number " + facts.receiverLocation() + " is not in the recipient directory");
            Optional<String> code = municipalityOf(facts, steps);
            if (code.isEmpty()) {
                return RoutingOutcome.failed(failure("ROUTE-UNKNOWN-RECIPIENT",
                        "no recipient found: the receiver's location number is unknown and the message names no known municipality",
                        "ingen modtager fundet: modtagerens lokationsnummer er ukendt, og meddelelsen angiver ingen kendt kommune"),
                        steps);
            }
            municipality = code.get();
            Optional<Recipient> forMunicipality = recipientForMunicipality(municipality, facts.messageType(), steps);
            if (forMunicipality.isEmpty()) {
                return RoutingOutcome.failed(failure("ROUTE-NO-RECIPIENT-FOR-TYPE",
                        "no recipient in municipality " + municipality + " takes " + facts.messageType(),
                        "ingen modtager i kommune " + municipality + " modtager " + facts.messageType()), steps);
            }
            recipient = forMunicipality.get();
        }
        recipient = applyRules(recipient, facts, steps);
        if (!recipient.enabled()) {
            steps.add("recipient " + recipient.locationNumber() + " is disabled");
            return RoutingOutcome.failed(failure("ROUTE-RECIPIENT-DISABLED",
                    "recipient " + recipient.locationNumber() + " is disabled",
                    "modtager " + recipient.locationNumber() + " er slået fra"), steps);
        }
        Optional<MessageFormat> format = formatFor(recipient, facts.messageType());
        if (format.isEmpty()) {
            steps.add("recipient " + recipient.locationNumber() + " takes neither " + facts.messageType()
                    + " nor its EDIFACT twin");
            return RoutingOutcome.failed(failure("ROUTE-FORMAT-NOT-TAKEN",
                    "recipient " + recipient.locationNumber() + " takes neither " + facts.messageType()
                            + " nor its EDIFACT form",
                    "modtager " + recipient.locationNumber() + " modtager hverken " + facts.messageType()
                            + " eller den tilsvarende EDIFACT-meddelelse"), steps);
        }
        steps.add("recipient takes " + facts.messageType() + " as " + format.get());
        return RoutingOutcome.routed(new RoutingDecision(recipient, format.get(), municipality, List.copyOf(steps)));
    }

    private Optional<String> municipalityOf(RoutingFacts facts, List<String> steps) {
        if ("kommunenummer".equals(facts.receiverIdentifierCode())) {
            Optional<String> code = known(facts.receiverIdentifier(), "the receiver's kommunenummer", steps);
            if (code.isPresent()) {
                return code;
            }
        }
        Optional<String> residence = known(facts.residenceMunicipality(), "the patient's residence municipality code", steps);
        if (residence.isPresent()) {
            return residence;
        }
        if (facts.patientPostcode() != null) {
            Optional<String> byPostcode = postcodes.municipalityOf(facts.patientPostcode());
            if (byPostcode.isEmpty()) {
                steps.add("the patient's postcode " + facts.patientPostcode() + " is not in the postcode table");
                return Optional.empty();
            }
            return known(byPostcode.get(), "the patient's postcode " + facts.patientPostcode() + " lies in municipality", steps);
        }
        return Optional.empty();
    }

    private Optional<String> known(String code, String what, List<String> steps) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Municipality> municipality = municipalities.find(code);
        if (municipality.isEmpty()) {
            steps.add(what + " " + code + " is not one of the 98 municipalities");
            return Optional.empty();
        }
        steps.add(what + " " + municipality.get().code() + " is " + municipality.get().name()
                + " (" + municipality.get().regionName() + ")");
        return Optional.of(municipality.get().code());
    }

    private Optional<Recipient> recipientForMunicipality(String code, String type, List<String> steps) {
        List<Recipient> candidates = recipients.forMunicipality(code);
        Optional<Recipient> taker = candidates.stream().filter(r -> formatFor(r, type).isPresent())
                .sorted((a, b) -> Boolean.compare(b.enabled(), a.enabled())).findFirst();
        taker.ifPresent(r -> steps.add("municipality " + code + " takes " + type + " at location number "
                + r.locationNumber() + ": " + r.name()));
        return taker;
    }

    private Recipient applyRules(Recipient recipient, RoutingFacts facts, List<String> steps) {
        if (facts.patientBirthDate().isEmpty()) {
            return recipient;
        }
        int age = Cpr.ageOn(facts.patientBirthDate().get(), LocalDate.now(clock));
        for (RecipientRule rule : recipient.rules()) {
            if (age < rule.patientUnder()) {
                Optional<Recipient> target = recipients.find(rule.locationNumber());
                if (target.isPresent()) {
                    steps.add("the patient is under " + rule.patientUnder() + ": the recipient's rule sends to "
                            + target.get().locationNumber() + ": " + target.get().name());
                    return target.get();
                }
            }
        }
        return recipient;
    }

    /** XML if the recipient takes the XML type (XDIS91), else EDIFACT if it takes the EDIFACT twin (DIS91). */
    static Optional<MessageFormat> formatFor(Recipient recipient, String xmlType) {
        if (xmlType == null) {
            return Optional.empty();
        }
        if (recipient.takes(xmlType)) {
            return Optional.of(MessageFormat.XML);
        }
        if (xmlType.startsWith("X") && recipient.takes(xmlType.substring(1))) {
            return Optional.of(MessageFormat.EDIFACT);
        }
        return Optional.empty();
    }

    private static Finding failure(String ruleId, String en, String da) {
        return Finding.error(ruleId, Location.xml(null, null, RECEIVER_XPATH), en, da);
    }
}
