package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/** The XML side of receipts: NegativeVansReceipt, NegativeReceipt and PositiveReceipt share one shape. */
final class ReceiptXml {

    private ReceiptXml() {
    }

    static void write(Receipt receipt, MessageType type, Envelope envelope, XmlOut out) {
        out.start(type.xmlElement());
        out.start("Letter").element("Identifier", receipt.identifier).element("VersionCode", type.xmlVersionCode())
                .element("StatisticalCode", type.xmlTypeCode()).end("Letter");
        ean("Sender", envelope.senderId(), out);
        ean("Receiver", envelope.recipientId(), out);
        out.start("OriginalEmessage").element("OriginalEnvelopeIdentifier", receipt.originalEnvelopeIdentifier);
        ean("OriginalSender", receipt.originalSender, out);
        ean("OriginalReceiver", receipt.originalReceiver, out);
        refusal(receipt.refusal, out);
        for (Receipt.OriginalLetter letter : receipt.originalLetters) {
            out.start("OriginalLetter").element("OriginalLetterIdentifier", letter.identifier)
                    .element("OriginalVersionCode", letter.versionCode);
            refusal(letter.refusal, out);
            out.end("OriginalLetter");
        }
        out.end("OriginalEmessage").end(type.xmlElement());
    }

    private static void ean(String name, String value, XmlOut out) {
        out.start(name).element("EANIdentifier", value).end(name);
    }

    private static void refusal(Receipt.Refusal refusal, XmlOut out) {
        if (refusal == null) {
            return;
        }
        out.element("RefuseCode", refusal.code);
        if (!refusal.text.isEmpty()) {
            out.start("RefuseText");
            FreeTextXml.writeLines(refusal.text.toString(), out);
            out.end("RefuseText");
        }
    }

    static Receipt read(XmlElement element, MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        Receipt receipt = new Receipt();
        XmlElement letter = element.child("Letter");
        XmlElement original = element.child("OriginalEmessage");
        if (letter == null || original == null) {
            findings.add(TranslationRule.MISSING.at(element, element.path() + (letter == null ? "/Letter" : "/OriginalEmessage")));
            return null;
        }
        receipt.identifier = letter.text("Identifier");
        receipt.originalEnvelopeIdentifier = original.text("OriginalEnvelopeIdentifier");
        receipt.originalSender = ean(original, "OriginalSender");
        receipt.originalReceiver = ean(original, "OriginalReceiver");
        receipt.refusal = refusal(original, mapping, freeText, findings);
        for (XmlElement originalLetter : original.children("OriginalLetter")) {
            Receipt.OriginalLetter answered = new Receipt.OriginalLetter();
            answered.identifier = originalLetter.text("OriginalLetterIdentifier");
            answered.versionCode = originalLetter.text("OriginalVersionCode");
            if (answered.versionCode == null || mapping.byAssociationCode(answered.versionCode).isEmpty()) {
                findings.add(TranslationRule.CODE_UNKNOWN.at(originalLetter, "OriginalVersionCode", "message-types"));
            }
            answered.refusal = refusal(originalLetter, mapping, freeText, findings);
            receipt.originalLetters.add(answered);
        }
        return receipt;
    }

    private static String ean(XmlElement parent, String name) {
        XmlElement party = parent.child(name);
        return party == null ? null : party.text("EANIdentifier");
    }

    private static Receipt.Refusal refusal(XmlElement parent, MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        XmlElement code = parent.child("RefuseCode");
        XmlElement text = parent.child("RefuseText");
        if (code == null && text == null) {
            return null;
        }
        Receipt.Refusal refusal = new Receipt.Refusal();
        refusal.code = code == null ? "ikke_specificeret" : code.text();
        if (code != null && mapping.refuseCodes.toEdifact(refusal.code) == null) {
            findings.add(TranslationRule.CODE_UNKNOWN.at(code, "RefuseCode", mapping.refuseCodes.name()));
        }
        if (text != null) {
            List<TextRun> runs = freeText.read(text);
            refusal.text.append(runs == null ? "" : FreeTextXml.plain(runs));
        }
        return refusal;
    }
}
