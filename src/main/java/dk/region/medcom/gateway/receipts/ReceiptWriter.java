package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.medcom2005.AcknowledgementCodeType;
import dk.region.medcom.gateway.message.medcom2005.BreakableText;
import dk.region.medcom.gateway.message.medcom2005.Break;
import dk.region.medcom.gateway.message.medcom2005.ControlPartyType;
import dk.region.medcom.gateway.message.medcom2005.DateTimeType;
import dk.region.medcom.gateway.message.medcom2005.Emessage;
import dk.region.medcom.gateway.message.medcom2005.EnvelopeType;
import dk.region.medcom.gateway.message.medcom2005.NegativeReceipt;
import dk.region.medcom.gateway.message.medcom2005.NegativeReceiptLetterType;
import dk.region.medcom.gateway.message.medcom2005.PositiveReceipt;
import dk.region.medcom.gateway.message.medcom2005.PositiveReceiptLetterType;
import dk.region.medcom.gateway.message.medcom2005.RefuseCodeType;
import dk.region.medcom.gateway.message.medcom2005.RefusedEmessageType;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;

/**
 * Writes a MedCom XML receipt (namespace 2005/08/07) answering one letter, as an object of the
 * JAXB classes generated at build time from {@code schemas/medcom/2005-08-07} (the schema the
 * receipt is validated with is the one it is written from). The EDIFACT form, for senders who use
 * EDIFACT, is made from this by the EDIFACT engine.
 *
 * <p>JAXB, not Jackson XML: the receipt's RefuseText is mixed content (text with {@code <Break/>}
 * between lines), which Jackson XML cannot write in order.
 */
final class ReceiptWriter {

    static final String NAMESPACE = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/";
    /** Thread-safe and costly to build (the model's reflection): one for the process. */
    private static final JAXBContext MEDCOM_2005 = context();
    /** What XML 1.0 cannot carry (control characters, lone surrogates): an EDIFACT sender's identifiers may hold them. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private ReceiptWriter() {
    }

    /**
     * @param id          the receipt's envelope and letter identifier (14 characters at most)
     * @param fromLocation the location number the receipt is sent from (the original receiver)
     * @param refuseCode  the refuse code of a negative receipt (MedCom's list); null for a positive one
     * @param refuseText  lines of the reason, for a negative receipt; empty for a positive one
     */
    static byte[] write(ReceiptKind kind, String id, ZonedDateTime sent, String fromLocation, MessageHeader original,
                        String originalVersionCode, String refuseCode, List<String> refuseText) {
        Emessage emessage = new Emessage();
        emessage.setEnvelope(envelope(id, sent));
        String originalReceiver = original.receiverLocation() == null ? fromLocation : original.receiverLocation();
        emessage.getNegativeVansReceiptOrNegativeReceiptOrPositiveReceipt().add(kind == ReceiptKind.NEGATIVE
                ? negative(id, fromLocation, original, originalReceiver, originalVersionCode, refuseCode, refuseText)
                : positive(id, fromLocation, original, originalReceiver, originalVersionCode));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = MEDCOM_2005.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.marshal(emessage, bytes);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a receipt", e);
        }
        return bytes.toByteArray();
    }

    private static EnvelopeType envelope(String id, ZonedDateTime sent) {
        DateTimeType at = new DateTimeType();
        at.setDate(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(sent.getYear(), sent.getMonthValue(),
                sent.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED));
        at.setTime(sent.format(DateTimeFormatter.ofPattern("HH:mm")));
        EnvelopeType envelope = new EnvelopeType();
        envelope.setSent(at);
        envelope.setIdentifier(id);
        envelope.setAcknowledgementCode(AcknowledgementCodeType.MINUSPOSITIVKVITT); // a receipt is never answered
        return envelope;
    }

    private static NegativeReceipt negative(String id, String from, MessageHeader original, String originalReceiver,
                                            String originalVersionCode, String refuseCode, List<String> refuseText) {
        NegativeReceiptLetterType letter = new NegativeReceiptLetterType();
        letter.setIdentifier(id);
        letter.setVersionCode(ReceiptKind.NEGATIVE.versionCode);
        letter.setStatisticalCode(ReceiptKind.NEGATIVE.statisticalCode);
        RefusedEmessageType.OriginalLetter refused = new RefusedEmessageType.OriginalLetter();
        refused.setOriginalLetterIdentifier(xmlSafe(original.letterId()));
        refused.setOriginalVersionCode(xmlSafe(originalVersionCode));
        refused.setRefuseCode(RefuseCodeType.fromValue(refuseCode));
        BreakableText text = new BreakableText();
        for (String line : refuseText) {
            text.getContent().add(xmlSafe(line));
            text.getContent().add(new Break());
        }
        refused.setRefuseText(text);
        RefusedEmessageType originalEmessage = new RefusedEmessageType();
        originalEmessage.setOriginalEnvelopeIdentifier(xmlSafe(original.envelopeId()));
        originalEmessage.setOriginalSender(party(original.senderLocation()));
        originalEmessage.setOriginalReceiver(party(originalReceiver));
        originalEmessage.getOriginalLetter().add(refused);
        NegativeReceipt receipt = new NegativeReceipt();
        receipt.setLetter(letter);
        receipt.setSender(party(from));
        receipt.setReceiver(party(original.senderLocation()));
        receipt.setOriginalEmessage(originalEmessage);
        return receipt;
    }

    private static PositiveReceipt positive(String id, String from, MessageHeader original, String originalReceiver,
                                            String originalVersionCode) {
        PositiveReceiptLetterType letter = new PositiveReceiptLetterType();
        letter.setIdentifier(id);
        letter.setVersionCode(ReceiptKind.POSITIVE.versionCode);
        letter.setStatisticalCode(ReceiptKind.POSITIVE.statisticalCode);
        PositiveReceipt.OriginalEmessage.OriginalLetter accepted = new PositiveReceipt.OriginalEmessage.OriginalLetter();
        accepted.setOriginalLetterIdentifier(xmlSafe(original.letterId()));
        accepted.setOriginalVersionCode(xmlSafe(originalVersionCode));
        PositiveReceipt.OriginalEmessage originalEmessage = new PositiveReceipt.OriginalEmessage();
        originalEmessage.setOriginalEnvelopeIdentifier(xmlSafe(original.envelopeId()));
        originalEmessage.setOriginalSender(party(original.senderLocation()));
        originalEmessage.setOriginalReceiver(party(originalReceiver));
        originalEmessage.getOriginalLetter().add(accepted);
        PositiveReceipt receipt = new PositiveReceipt();
        receipt.setLetter(letter);
        receipt.setSender(party(from));
        receipt.setReceiver(party(original.senderLocation()));
        receipt.setOriginalEmessage(originalEmessage);
        return receipt;
    }

    private static ControlPartyType party(String location) {
        ControlPartyType party = new ControlPartyType();
        party.setEANIdentifier(xmlSafe(location));
        return party;
    }

    /** The original's values are quoted back as far as XML can hold them; the rest becomes '?'. */
    private static String xmlSafe(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("?");
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Emessage.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
