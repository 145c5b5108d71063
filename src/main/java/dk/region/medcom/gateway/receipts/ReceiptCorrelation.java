package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.validate.ParsedMessage;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

/**
 * Matches a receipt coming back from a recipient to the message it answers (by the original
 * sender, envelope identifier and letter identifier), whose state becomes acknowledged or
 * rejected by the recipient. The receipt itself then travels on to the original sender like any
 * other message.
 */
public class ReceiptCorrelation {

    private final JdbcClient jdbc;
    private final Journal journal;

    public ReceiptCorrelation(JdbcClient jdbc, Journal journal) {
        this.jdbc = jdbc;
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
            Optional<TrackingId> original = find(originalSender, envelope, letterId);
            String detail = (positive ? "positive" : "negative" + (refuseCode == null ? "" : " (" + refuseCode + ")"))
                    + " receipt " + message.trackingId() + " from " + message.header().senderLocation();
            original.ifPresent(id -> journal.mark(id, "receipts",
                    positive ? MessageState.ACKNOWLEDGED : MessageState.REJECTED_BY_RECIPIENT, detail));
        }
        return message;
    }

    private Optional<TrackingId> find(String sender, String envelope, String letter) {
        if (sender == null || envelope == null || letter == null) {
            return Optional.empty();
        }
        List<String> ids = jdbc.sql("""
                select tracking_id from letter_seen
                where sender_location = :sender and envelope_id = :envelope and letter_id = :letter""")
                .param("sender", sender).param("envelope", envelope).param("letter", letter)
                .query(String.class).list();
        return ids.stream().findFirst().map(TrackingId::new);
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
