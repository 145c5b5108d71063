package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.ArrayList;
import java.util.List;

/** Reads a CONTRL message (UCI, then UCM per letter, each optionally followed by FTX refusals) into a {@link Receipt}. */
final class ReceiptFromEdifact {

    private ReceiptFromEdifact() {
    }

    static Receipt read(MessageType type, List<Segment> message, MappingData mapping, List<Finding> findings) {
        Receipt receipt = new Receipt();
        receipt.identifier = message.get(0).value(1);
        String action = mapping.receiptActions.toEdifact(type.letterType());
        Receipt.OriginalLetter letter = null;
        boolean uciSeen = false;
        for (Segment segment : message.subList(1, message.size() - 1)) {
            if (segment.is("UCI") && !uciSeen) {
                uciSeen = true;
                receipt.originalEnvelopeIdentifier = segment.value(1);
                receipt.originalSender = segment.value(2, 1);
                receipt.originalReceiver = segment.value(3, 1);
                segment.hasConstant(2, 2, "14");
                segment.hasConstant(3, 2, "14");
                checkAction(segment, 4, action, findings);
                requireValues(segment, findings, 1, 2, 3);
            } else if (segment.is("UCM") && uciSeen) {
                letter = new Receipt.OriginalLetter();
                letter.identifier = segment.value(1);
                letter.versionCode = segment.value(2, 5);
                receipt.originalLetters.add(letter);
                checkAction(segment, 3, action, findings);
                requireValues(segment, findings, 1);
                MessageType answered = mapping.byAssociationCode(letter.versionCode).orElse(null);
                if (answered == null) {
                    findings.add(TranslationRule.CODE_UNKNOWN.at(segment, "segment " + segment.number() + " UCM element 2", "message-types"));
                } else {
                    // the rest of the answered letter's type is written back from its version code
                    segment.hasConstant(2, 1, answered.edifactType());
                    segment.hasConstant(2, 2, answered.edifactVersion());
                    segment.hasConstant(2, 3, answered.edifactRelease());
                    segment.hasConstant(2, 4, answered.agency());
                }
            } else if (segment.is("FTX") && uciSeen && !action.equals("7")) {
                segment.hasConstant(2, 1, TextRun.PLAIN);
                Receipt.Refusal refusal = letter == null ? receipt.refusal : letter.refusal;
                if (refusal == null) {
                    refusal = new Receipt.Refusal();
                    refusal.code = mapping.refuseCodes.toXml(segment.value(1));
                    if (refusal.code == null) {
                        findings.add(TranslationRule.CODE_UNKNOWN.at(segment, "segment " + segment.number() + " FTX element 1", mapping.refuseCodes.name()));
                    }
                    if (letter == null) {
                        receipt.refusal = refusal;
                    } else {
                        letter.refusal = refusal;
                    }
                } else if (refusal.code != null) {
                    segment.hasConstant(1, 1, mapping.refuseCodes.toEdifact(refusal.code)); // the refusal's text continues
                }
                List<TextRun> runs = new ArrayList<>();
                FreeTextEdifact.appendLines(TextRun.PLAIN, segment.components(4), runs);
                for (TextRun run : runs) {
                    refusal.text.append(run.text());
                }
            } else {
                findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(segment, type.letterType()));
            }
        }
        if (!uciSeen) {
            findings.add(TranslationRule.MISSING.at(message.get(0), new Phrase("UCI (the interchange the receipt answers)", "UCI (den forsendelse kvitteringen svarer på)")));
        }
        return receipt;
    }

    private static void requireValues(Segment segment, List<Finding> findings, int... elements) {
        for (int element : elements) {
            if (segment.value(element, 1).isEmpty()) {
                findings.add(TranslationRule.MISSING.at(segment, "segment " + segment.number() + " " + segment.tag() + " element " + element));
                return;
            }
        }
    }

    private static void checkAction(Segment segment, int element, String action, List<Finding> findings) {
        if (!segment.value(element).equals(action)) {
            findings.add(TranslationRule.CODE_UNKNOWN.at(segment, "segment " + segment.number() + " " + segment.tag()
                    + " element " + element, "receipt-actions"));
        }
    }
}
