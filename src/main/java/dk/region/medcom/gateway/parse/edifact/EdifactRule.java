package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;

/**
 * Every rule the EDIFACT reader checks, with its finding texts in English and Danish. Texts take
 * only numbers, tags and codes as arguments: never message content (CPR, names, free text).
 */
enum EdifactRule {
    NOT_EDIFACT("EDI-SYNTAX-NOT-EDIFACT", Severity.ERROR,
            "the file does not start with UNA or UNB", "filen starter ikke med UNA eller UNB"),
    SYNTAX("EDI-SYNTAX", Severity.ERROR,
            "the segment cannot be read as EDIFACT", "segmentet kan ikke læses som EDIFACT"),
    TRUNCATED("EDI-SYNTAX-TRUNCATED", Severity.ERROR,
            "the file ends in the middle of a segment", "filen slutter midt i et segment"),
    RELEASE("EDI-SYNTAX-RELEASE", Severity.ERROR,
            "release character before a character that needs no release", "frigivelsestegn foran et tegn der ikke skal frigives"),
    TOO_LONG("EDI-SYNTAX-TOO-LONG", Severity.ERROR,
            "element %s is %s characters long, more than %s", "element %s er %s tegn langt, mere end %s"),
    VALUE_TOO_LONG("EDI-VALUE-TOO-LONG", Severity.ERROR,
            "%s is %s characters long; the gateway keeps at most %s",
            "%s er %s tegn langt; gatewayen gemmer højst %s"),
    MORE_THAN_ONE_MESSAGE("EDI-MORE-THAN-ONE-MESSAGE", Severity.ERROR,
            "a second message (UNH) in the interchange; the gateway takes one letter per interchange, send each in its own",
            "endnu et brev (UNH) i forsendelsen; gatewayen modtager ét brev pr. forsendelse, send hvert brev i sin egen"),
    UNA_INVALID("EDI-UNA-INVALID", Severity.ERROR,
            "UNA must declare six distinct service characters", "UNA skal angive seks forskellige tjenestetegn"),
    SYNTAX_ID_UNKNOWN("EDI-ENC-SYNTAX-ID", Severity.ERROR,
            "syntax identifier %s is not supported (UNOA, UNOB, UNOC)", "syntaks-id %s understøttes ikke (UNOA, UNOB, UNOC)"),
    CHARSET("EDI-ENC-CHARSET", Severity.ERROR,
            "byte 0x%s is not allowed in syntax %s", "byte 0x%s er ikke tilladt i syntaks %s"),
    LOOKS_LIKE_UTF8("EDI-ENC-UTF8", Severity.WARNING,
            "the bytes look like UTF-8, but the interchange declares %s", "bytes ligner UTF-8, men forsendelsen angiver %s"),
    UNB_MISSING("EDI-UNB-MISSING", Severity.ERROR,
            "the interchange has no UNB", "forsendelsen har ingen UNB"),
    UNB_INCOMPLETE("EDI-UNB-INCOMPLETE", Severity.ERROR,
            "UNB lacks %s", "UNB mangler %s"),
    UNB_REPEATED("EDI-UNB-REPEATED", Severity.ERROR,
            "a second UNB inside the interchange", "endnu en UNB inde i forsendelsen"),
    UNB_SECOND_INTERCHANGE("EDI-UNB-SECOND-INTERCHANGE", Severity.ERROR,
            "data after UNZ: only one interchange per file", "data efter UNZ: kun én forsendelse pr. fil"),
    UNH_MISSING("EDI-UNH-MISSING", Severity.ERROR,
            "segment outside a message: UNH missing", "segment uden for et brev: UNH mangler"),
    UNH_INCOMPLETE("EDI-UNH-INCOMPLETE", Severity.ERROR,
            "UNH lacks %s", "UNH mangler %s"),
    UNH_TYPE_UNKNOWN("EDI-UNH-TYPE-UNKNOWN", Severity.ERROR,
            "message type %s version %s is not known", "brevtype %s version %s kendes ikke"),
    UNT_MISSING("EDI-UNT-MISSING", Severity.ERROR,
            "message started at segment %s has no UNT", "brevet der starter i segment %s har ingen UNT"),
    UNT_INCOMPLETE("EDI-UNT-INCOMPLETE", Severity.ERROR,
            "UNT lacks %s", "UNT mangler %s"),
    UNT_COUNT("EDI-UNT-COUNT", Severity.ERROR,
            "count %s but the message has %s segments", "antal %s, men brevet har %s segmenter"),
    UNT_REF("EDI-UNT-REF", Severity.ERROR,
            "reference differs from the UNH reference in segment %s", "referencen afviger fra UNH-referencen i segment %s"),
    UNZ_MISSING("EDI-UNZ-MISSING", Severity.ERROR,
            "the interchange has no UNZ", "forsendelsen har ingen UNZ"),
    UNZ_INCOMPLETE("EDI-UNZ-INCOMPLETE", Severity.ERROR,
            "UNZ lacks %s", "UNZ mangler %s"),
    UNZ_COUNT("EDI-UNZ-COUNT", Severity.ERROR,
            "count %s but the interchange has %s messages", "antal %s, men forsendelsen har %s breve"),
    UNZ_REF("EDI-UNZ-REF", Severity.ERROR,
            "reference differs from the UNB reference", "referencen afviger fra UNB-referencen"),
    NO_MESSAGE("EDI-UNH-NONE", Severity.ERROR,
            "the interchange holds no message", "forsendelsen indeholder intet brev");

    final String ruleId;
    private final Severity severity;
    private final String textEn;
    private final String textDa;

    EdifactRule(String ruleId, Severity severity, String textEn, String textDa) {
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
}
