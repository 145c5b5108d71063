package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference as one FTX segment, the layout MedCom's own converter uses (XD9134L.xslt writes it,
 * GeneralTemplates.xslt FTXSegmentToReference reads it):
 * <pre>
 * FTX+BIN+P00++description:object id:object code:extension code:original size'
 * FTX+URL+P00++description:url line 1\:url line 2'
 * FTX+SUP+P00++description'
 * </pre>
 * The URL fills text components 2 to 5, hard-wrapped with MedCom's soft-wrap {@code \}; on input
 * the format code (element 2) is not read, as the converter does not read it either.
 */
final class ReferenceEdifact {

    /** Text components of one FTX: the description takes the first, a URL the rest. */
    static final int URL_LINES = FreeTextEdifact.LINES_PER_FTX - 1;
    /** The longest URL four wrapped lines carry: three of 69 characters plus {@code \}, one of 70. */
    static final int URL_EDIFACT_LENGTH = (URL_LINES - 1) * (FreeTextEdifact.LINE_LENGTH - 1) + FreeTextEdifact.LINE_LENGTH;

    private ReferenceEdifact() {
    }

    static boolean isReference(Segment segment) {
        return segment.is("FTX") && Reference.kindOf(segment.value(1)) != null;
    }

    /** Reads an FTX+BIN/URL/SUP, reporting missing parts, unknown codes and XSD length limits. */
    static Reference read(Segment ftx, MappingData mapping, List<Finding> findings) {
        Reference reference = new Reference();
        reference.kind = Reference.kindOf(ftx.value(1));
        ftx.hasConstant(2, 1, TextRun.PLAIN); // the only format written back
        reference.description = ftx.value(4, 1);
        if (reference.description.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(ftx, new Phrase("the reference description (segment " + ftx.number() + " FTX element 4 component 1)",
                    "referencens beskrivelse (segment " + ftx.number() + " FTX element 4 komponent 1)")));
        }
        SegmentValues.limited(ftx, 4, reference.description, Reference.DESCRIPTION_LENGTH, findings);
        switch (reference.kind) {
            case BIN -> readBinary(ftx, reference, mapping, findings);
            case URL -> {
                List<String> lines = ftx.components(4);
                reference.url = FreeTextEdifact.joinUnbroken(lines.subList(Math.min(1, lines.size()), lines.size()));
                if (reference.url.isEmpty()) {
                    findings.add(TranslationRule.MISSING.at(ftx, new Phrase("the URL (segment " + ftx.number() + " FTX element 4 components 2-5)",
                            "URL'en (segment " + ftx.number() + " FTX element 4 komponent 2-5)")));
                }
                SegmentValues.limited(ftx, 4, reference.url, Reference.URL_LENGTH, findings);
            }
            case SUP -> {
                // the description is all a SUP reference carries
            }
        }
        return reference;
    }

    private static void readBinary(Segment ftx, Reference reference, MappingData mapping, List<Finding> findings) {
        reference.objectIdentifier = ftx.value(4, 2);
        if (reference.objectIdentifier.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(ftx, new Phrase("the object identifier (segment " + ftx.number() + " FTX element 4 component 2)",
                    "objektets identifikation (segment " + ftx.number() + " FTX element 4 komponent 2)")));
        }
        SegmentValues.limited(ftx, 4, reference.objectIdentifier, Reference.OBJECT_IDENTIFIER_LENGTH, findings);
        reference.objectCode = SegmentValues.code(ftx, 4, mapping.objectCodes, ftx.value(4, 3), findings);
        reference.objectExtensionCode = SegmentValues.code(ftx, 4, mapping.objectExtensionCodes, ftx.value(4, 4), findings);
        reference.originalObjectSize = ftx.value(4, 5);
        if (!Reference.isPositiveInteger(reference.originalObjectSize)) {
            findings.add(TranslationRule.NOT_POSITIVE_INTEGER.at(ftx, "segment " + ftx.number() + " FTX element 4 component 5"));
        }
    }

    static void write(Reference reference, MappingData mapping, EdifactOut out) {
        out.segment("FTX", reference.kind.name(), TextRun.PLAIN, "", EdifactOut.composite(text(reference, mapping)));
    }

    /** The text components (FTX element 4) of a reference. */
    static String[] text(Reference reference, MappingData mapping) {
        List<String> text = new ArrayList<>();
        text.add(reference.description);
        switch (reference.kind) {
            case BIN -> {
                text.add(reference.objectIdentifier);
                text.add(mapping.objectCodes.toEdifact(reference.objectCode));
                text.add(mapping.objectExtensionCodes.toEdifact(reference.objectExtensionCode));
                text.add(reference.originalObjectSize);
            }
            case URL -> text.addAll(FreeTextEdifact.wrapUnbroken(reference.url));
            case SUP -> {
                // the description only
            }
        }
        return text.toArray(String[]::new);
    }
}
