package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.dedupe.LetterSeenRepository;
import dk.region.medcom.gateway.dedupe.LetterSeenRepository.LetterKey;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Matches a receipt coming back from a recipient to the message it answers (by the original
 * sender, envelope identifier and letter identifier), whose state becomes acknowledged or
 * rejected by the recipient, provided the receipt comes from that message's receiver. The
 * letter is found in duplicate detection's table of letters seen. The receipt itself then travels
 * on to the original sender like any other message.
 */
public class ReceiptCorrelation {

    private final LetterSeenRepository letters;
    private final Journal journal;

    public ReceiptCorrelation(LetterSeenRepository letters, Journal journal) {
        this.letters = letters;
        this.journal = journal;
    }

    public PipelineMessage correlate(PipelineMessage message) {
        if (!Receipts.isReceipt(message.header()) || message.document() == null) {
            return message;
        }
        ParsedMessage receipt = new ParsedMessage(message.document());
        String envelope = text(receipt, "OriginalEmessage", "OriginalEnvelopeIdentifier");
        String originalSender = text(receipt, "OriginalEmessage", "OriginalSender", "EANIdentifier");
        boolean positive = "XCTL03".equals(message.header().messageType());
        for (Element letter : receipt.findAll("OriginalEmessage", "OriginalLetter")) {
            String letterId = childText(letter, "OriginalLetterIdentifier");
            String refuseCode = childText(letter, "RefuseCode");
            Optional<TrackingId> original = find(originalSender, envelope, letterId, message.header().senderLocation());
            String detail = (positive ? "positive" : "negative" + (refuseCode == null ? "" : " (" + refuseCode + ")"))
                    + " receipt " + message.trackingId() + " from " + message.header().senderLocation();
            original.ifPresent(id -> journal.mark(id, "receipts",
                    positive ? MessageState.ACKNOWLEDGED : MessageState.REJECTED_BY_RECIPIENT, detail));
        }
        return message;
    }

    /**
     * The letter a receipt answers, if the receipt comes from the party the letter was delivered to
     * (or addressed to): anyone else, the letter's own sender included, could otherwise forge an
     * acknowledgement by naming its identifiers.
     */
    private Optional<TrackingId> find(String sender, String envelope, String letter, String receiptSender) {
        if (sender == null || envelope == null || letter == null || receiptSender == null) {
            return Optional.empty();
        }
        return letters.firstSeen(new LetterKey(sender, envelope, letter))
                .filter(id -> journal.find(id).filter(entry -> receiptSender.equals(entry.recipientLocation())
                        || receiptSender.equals(entry.receiverLocation())).isPresent());
    }

    private static String text(ParsedMessage message, String... path) {
        return message.find(path).map(e -> e.getTextContent().trim()).orElse(null);
    }

    private static String childText(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
