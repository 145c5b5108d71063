package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.edifact.Segment;

/**
 * Rules the translation itself checks, with texts in English and Danish. Arguments are tags,
 * element names, numbers and codes from the mapping tables: never values from the message.
 */
enum TranslationRule {
    UNEXPECTED_SEGMENT("EDI-MAP-UNEXPECTED-SEGMENT", Severity.ERROR,
            "segment not expected here in %s", "segmentet forventes ikke her i %s"),
    UNREAD_DATA("EDI-MAP-UNREAD-DATA", Severity.ERROR,
            "segment %s %s element %s component %s holds data that the translation does not carry over",
            "segment %s %s element %s komponent %s indeholder data som oversættelsen ikke fører videre"),
    CONFLICT("EDI-MAP-CONFLICT", Severity.ERROR,
            "%s holds a value that differs from the one %s already has", "%s indeholder en værdi der afviger fra den %s allerede har"),
    MISSING("EDI-MAP-MISSING", Severity.ERROR, "%s is missing", "%s mangler"),
    CODE_UNKNOWN("EDI-MAP-CODE-UNKNOWN", Severity.ERROR,
            "%s holds a code that is not in code list %s", "%s indeholder en kode der ikke findes i kodelisten %s"),
    DATE("EDI-MAP-DATE", Severity.ERROR, "%s is not a valid date or time", "%s er ikke en gyldig dato eller tid"),
    CPR("EDI-MAP-CPR", Severity.ERROR, "%s is not a valid CPR number", "%s er ikke et gyldigt CPR-nummer"),
    GLN_CHECK("EDI-MAP-GLN-CHECK", Severity.WARNING,
            "%s is not a 13-digit location number with a valid check digit",
            "%s er ikke et 13-cifret lokationsnummer med gyldigt kontrolciffer"),
    TOO_MANY("EDI-MAP-TOO-MANY", Severity.ERROR, "more than %s %s", "mere end %s %s"),
    TOO_LONG("EDI-MAP-TOO-LONG", Severity.ERROR, "%s is longer than %s characters", "%s er længere end %s tegn"),
    SERVICE_CHARACTER("EDI-MAP-SERVICE-CHARACTER", Severity.ERROR,
            "%s holds an EDIFACT service character (? : + '), which the interchange trailer UNZ cannot carry",
            "%s indeholder et EDIFACT-tjenestetegn (? : + '), som forsendelsens afslutning UNZ ikke kan bære"),
    WRONG_LENGTH("EDI-MAP-LENGTH", Severity.ERROR, "%s must be exactly %s characters", "%s skal være præcis %s tegn"),
    TEXT_FORMAT("EDI-MAP-TEXT-FORMAT", Severity.WARNING,
            "unknown text format code, written as fixed font", "ukendt tekstformatkode, skrevet som fast skrift"),
    TEXT_MARKUP("EDI-MAP-TEXT-MARKUP", Severity.ERROR,
            "%s holds markup that no FTX format code expresses", "%s indeholder opmærkning som ingen FTX-formatkode udtrykker"),
    NOT_POSITIVE_INTEGER("EDI-MAP-NOT-POSITIVE-INTEGER", Severity.ERROR,
            "%s is not a positive whole number", "%s er ikke et positivt heltal"),
    NOT_LATIN1("EDI-MAP-NOT-LATIN1", Severity.ERROR,
            "%s holds a character that UNOC (ISO-8859-1) cannot carry", "%s indeholder et tegn som UNOC (ISO-8859-1) ikke kan bære"),
    XML_UNREAD_DATA("EDI-XML-UNREAD-DATA", Severity.ERROR,
            "%s holds data that the translation does not carry over", "%s indeholder data som oversættelsen ikke fører videre"),
    XML_MALFORMED("EDI-XML-MALFORMED", Severity.ERROR,
            "the XML is not well-formed", "XML-dokumentet er ikke velformet"),
    XML_NOT_EMESSAGE("EDI-XML-NOT-EMESSAGE", Severity.ERROR,
            "the root element is not a MedCom Emessage", "rodelementet er ikke en MedCom Emessage"),
    XML_UNKNOWN_LETTER("EDI-XML-UNKNOWN-LETTER", Severity.ERROR,
            "letter element %s is not a type this gateway translates", "brevelementet %s er ikke en type denne gateway oversætter"),
    INTERNAL("EDI-MAP-INTERNAL", Severity.ERROR,
            "the translation failed unexpectedly (%s)", "oversættelsen fejlede uventet (%s)");

    final String ruleId;
    private final Severity severity;
    private final String textEn;
    private final String textDa;

    TranslationRule(String ruleId, Severity severity, String textEn, String textDa) {
        this.ruleId = ruleId;
        this.severity = severity;
        this.textEn = textEn;
        this.textDa = textDa;
    }

    Finding at(Location location, Object... args) {
        return Finding.formatted(ruleId, severity, location, textEn, textDa, args);
    }

    Finding at(Segment segment, Object... args) {
        return at(Location.segment(segment.number(), segment.tag(), segment.byteOffset()), args);
    }

    Finding at(XmlElement element, Object... args) {
        return at(Location.xml(element.line(), element.column(), element.path()), args);
    }
}
