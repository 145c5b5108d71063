package dk.region.medcom.gateway.translate;

/**
 * A MedCom reference (XML {@code Reference}, EDIFACT {@code FTX+BIN/URL/SUP}): a description plus
 * a binary attachment sent alongside (BIN), a web address (URL) or supplementary material sent
 * another way (SUP). Code fields hold the XML values.
 */
final class Reference {

    /** MedCom's XSDs allow at most ten references per letter (DIS91 and REF01 alike). */
    static final int MAX_PER_LETTER = 10;
    /** XSD lengths: RefDescription String_1_70, URL String_1_350, ObjectIdentifier String_1_35. */
    static final int DESCRIPTION_LENGTH = 70;
    static final int URL_LENGTH = 350;
    static final int OBJECT_IDENTIFIER_LENGTH = 35;

    /** The kind is both the FTX qualifier and the XML element name. */
    enum Kind { BIN, URL, SUP }

    Kind kind;
    String description;
    String url;
    String objectIdentifier;
    String objectCode;
    String objectExtensionCode;
    String originalObjectSize;

    static Kind kindOf(String name) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** xs:positiveInteger as MedCom writes it: digits only, not zero. */
    static boolean isPositiveInteger(String value) {
        return value != null && value.matches("[0-9]{1,18}") && !value.matches("0+");
    }
}
