package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** CTL01/CTL02/CTL03 (CONTRL C0n30Q) and the XML receipts: the {@code receipt} mapping. */
final class ReceiptMapping implements LetterMapping {

    private final MappingData mapping;
    private final FreeTextXml freeText;

    ReceiptMapping(MappingData mapping) {
        this.mapping = mapping;
        this.freeText = new FreeTextXml(mapping.textFormats);
    }

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        Receipt receipt = ReceiptFromEdifact.read(type, message, mapping, findings);
        ReceiptXml.write(receipt, type, envelope, out);
    }

    @Override
    public void toEdifact(MessageType type, XmlElement element, EdifactOut out, List<Finding> findings) {
        Receipt receipt = ReceiptXml.read(element, mapping, freeText, findings);
        if (receipt == null) {
            return;
        }
        String action = mapping.receiptActions.toEdifact(type.letterType());
        out.segment("UCI", receipt.originalEnvelopeIdentifier, EdifactOut.composite(receipt.originalSender, "14"),
                EdifactOut.composite(receipt.originalReceiver, "14"), action);
        refusal(receipt.refusal, out);
        for (Receipt.OriginalLetter letter : receipt.originalLetters) {
            MessageType answered = mapping.byAssociationCode(letter.versionCode).orElse(null);
            if (answered == null) {
                continue; // reported when reading
            }
            out.segment("UCM", letter.identifier, EdifactOut.composite(answered.edifactType(), answered.edifactVersion(),
                    answered.edifactRelease(), answered.agency(), answered.associationCode()), action);
            refusal(letter.refusal, out);
        }
    }

    private void refusal(Receipt.Refusal refusal, EdifactOut out) {
        if (refusal == null) {
            return;
        }
        String qualifier = mapping.refuseCodes.toEdifact(refusal.code);
        List<String[]> chunks = FreeTextEdifact.segments(FreeTextEdifact.lines(refusal.text.toString()));
        if (chunks.isEmpty()) {
            out.segment("FTX", qualifier, TextRun.PLAIN);
        }
        for (String[] lines : chunks) {
            out.segment("FTX", qualifier, TextRun.PLAIN, "", EdifactOut.composite(lines));
        }
    }
}
