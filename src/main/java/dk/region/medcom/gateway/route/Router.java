package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.RecipientRule;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.message.RoutingDecision;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.PipelineMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Document;

/**
 * The route stage: finds the recipient of a message and the format it takes. The decision carries
 * the resolved receiver; translate writes it into the outbound form (the message is not changed here). A receiver the message names (its location number, else its
 * municipality code, IdentifierCode kommunenummer) is the recipient or the message is refused;
 * only a message that names neither is routed by the patient's residence municipality code, then
 * the patient's postcode. Then the recipient's own rules apply
 * (children under 18 to the children-and-youth unit). Every step is recorded.
 */
public class Router {

    private static final String RECEIVER_XPATH = "/Emessage/*/Receiver";
    private static final String SENDER_XPATH = "/Emessage/*/Sender/EANIdentifier";

    private final RecipientDirectory recipients;
    private final MunicipalityDirectory municipalities;
    private final PostcodeDirectory postcodes;
    private final Clock clock;

    public Router(RecipientDirectory recipients, MunicipalityDirectory municipalities, PostcodeDirectory postcodes,
                  Clock clock) {
        this.recipients = recipients;
        this.municipalities = municipalities;
        this.postcodes = postcodes;
        this.clock = clock;
    }

    public PipelineMessage route(PipelineMessage message) {
        Optional<Finding> unknownSender = checkSender(message.header().senderLocation());
        if (unknownSender.isPresent()) {
            return message.withFinding(unknownSender.get());
        }
        RoutingOutcome outcome = decide(message.header(), message.patient(), message.document());
        if (!outcome.isRouted()) {
            return message.withFinding(outcome.failure());
        }
        return message.withRouting(outcome.decision());
    }

    /**
     * The sender must be a party the region knows: its location number decides where its receipts
     * go (a folder named by it, or its channel in the directory), so a value that is not a valid
     * location number in the directory must never get that far. The message is refused instead; an
     * unknown sender can be told nothing, so the operator sees it in quarantine.
     */
    private Optional<Finding> checkSender(String sender) {
        if (!LocationNumber.isValid(sender)) {
            return Optional.of(Finding.error("ROUTE-SENDER-NOT-LOCATION-NUMBER", Location.xml(null, null, SENDER_XPATH),
                    "the sender's EANIdentifier is not a location number (13 digits with a valid GS1 check digit)",
                    "afsenderens EANIdentifier er ikke et lokationsnummer (13 cifre med gyldigt GS1-kontrolciffer)"));
        }
        if (recipients.find(sender).isEmpty()) {
            return Optional.of(Finding.error("ROUTE-UNKNOWN-SENDER", Location.xml(null, null, SENDER_XPATH),
                    "sender location number " + sender + " is not in the recipient directory; add it, then release the message",
                    "afsenderens lokationsnummer " + sender + " findes ikke i modtagerkataloget"));
        }
        return Optional.empty();
    }

    /**
     * Decides without changing anything: the explain API uses this too. The patient's municipality,
     * postcode and age come from the facts parse read; the document only for the addressed Receiver.
     */
    public RoutingOutcome decide(MessageHeader header, PatientFacts patient, Document document) {
        RoutingFacts facts = RoutingFacts.read(document, header.messageType(), header.receiverLocation(), patient);
        List<String> steps = new ArrayList<>();
        Recipient recipient;
        String municipality = null;
        if (namesLocation(facts.receiverLocation())) {
            // the sender named its receiver: never guess past it (health data goes only where it was addressed)
            Optional<Recipient> byLocation = recipients.find(facts.receiverLocation());
            if (byLocation.isEmpty()) {
                steps.add("receiver location number " + facts.receiverLocation() + " is not in the recipient directory;"
                        + " the message names its receiver, so no other way is tried");
                return RoutingOutcome.failed(failure("ROUTE-UNKNOWN-RECIPIENT",
                        "no recipient found: the receiver's location number " + facts.receiverLocation()
                                + " is not in the recipient directory",
                        "ingen modtager fundet: modtagerens lokationsnummer " + facts.receiverLocation()
                                + " findes ikke i modtagerkataloget"), steps);
            }
            recipient = byLocation.get();
            steps.add("receiver location number " + recipient.locationNumber() + " is in the recipient directory: "
                    + recipient.name());
        } else {
            steps.add("the message names no receiver location number");
            Optional<String> code = municipalityOf(facts, steps);
            if (code.isEmpty()) {
                return RoutingOutcome.failed(failure("ROUTE-UNKNOWN-RECIPIENT",
                        "no recipient found: the message names no known receiver location number or municipality",
                        "ingen modtager fundet: meddelelsen angiver intet kendt lokationsnummer eller nogen kendt kommune"),
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

    /**
     * A receiver is named by location number when its EANIdentifier is 13 digits other than all
     * zeros; an empty, zero or VANS value (DKKMDKMDNET names the network, not a party) names none.
     */
    static boolean namesLocation(String receiverLocation) {
        return receiverLocation != null && receiverLocation.matches("[0-9]{13}") && !receiverLocation.matches("0+");
    }

    /**
     * Where the message names no receiver location number: its kommunenummer if it gives one (and
     * then only that: an unknown code is not replaced by a guess), else the patient's residence
     * municipality, else the patient's postcode.
     */
    private Optional<String> municipalityOf(RoutingFacts facts, List<String> steps) {
        if ("kommunenummer".equals(facts.receiverIdentifierCode())) {
            Optional<String> code = known(facts.receiverIdentifier(), "the receiver's kommunenummer", steps);
            if (code.isEmpty()) {
                steps.add("the message names its receiver's municipality, so no other way is tried");
            }
            return code;
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
        OptionalInt patientAge = facts.patient().ageOn(LocalDate.now(clock));
        if (patientAge.isEmpty()) {
            return recipient;
        }
        int age = patientAge.getAsInt();
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
