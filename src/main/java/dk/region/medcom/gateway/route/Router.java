package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The route stage: finds the recipient of a message and the format it takes. For now by the
 * receiver's location number only; municipality codes and postcodes come with the municipality
 * directory.
 */
public class Router {

    private static final String RECEIVER_XPATH = "/Emessage/*/Receiver/EANIdentifier";

    private final RecipientDirectory directory;

    public Router(RecipientDirectory directory) {
        this.directory = directory;
    }

    public PipelineMessage route(PipelineMessage message) {
        MessageHeader header = message.header();
        List<String> steps = new ArrayList<>();
        Optional<Recipient> found = directory.find(header.receiverLocation());
        if (found.isEmpty()) {
            message.addFindings(List.of(unroutable("ROUTE-UNKNOWN-RECIPIENT",
                    "receiver location number " + header.receiverLocation() + " is not in the recipient directory",
                    "modtagerens lokationsnummer " + header.receiverLocation() + " findes ikke i modtagerkataloget")));
            return message;
        }
        Recipient recipient = found.get();
        steps.add("receiver location number " + recipient.locationNumber() + " found in the recipient directory: "
                + recipient.name());
        if (!recipient.enabled()) {
            message.addFindings(List.of(unroutable("ROUTE-RECIPIENT-DISABLED",
                    "recipient " + recipient.locationNumber() + " is disabled",
                    "modtager " + recipient.locationNumber() + " er slået fra")));
            return message;
        }
        Optional<MessageFormat> format = formatFor(recipient, header.messageType());
        if (format.isEmpty()) {
            message.addFindings(List.of(unroutable("ROUTE-FORMAT-NOT-TAKEN",
                    "recipient " + recipient.locationNumber() + " takes neither " + header.messageType()
                            + " nor its EDIFACT form",
                    "modtager " + recipient.locationNumber() + " modtager hverken " + header.messageType()
                            + " eller den tilsvarende EDIFACT-meddelelse")));
            return message;
        }
        steps.add("recipient takes " + header.messageType() + " as " + format.get());
        message.routed(new RoutingDecision(recipient, format.get(), List.copyOf(steps)));
        return message;
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

    private static Finding unroutable(String ruleId, String en, String da) {
        return Finding.error(ruleId, Location.xml(null, null, RECEIVER_XPATH), en, da);
    }
}
