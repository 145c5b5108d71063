package dk.region.medcom.gateway.message;

/** A piece of a finding text in English and Danish, for rules whose template takes words as well as codes. */
public record Phrase(String en, String da) {

    /** The argument as it goes into the English text. */
    public static Object en(Object argument) {
        return argument instanceof Phrase phrase ? phrase.en : argument;
    }

    /** The argument as it goes into the Danish text. */
    public static Object da(Object argument) {
        return argument instanceof Phrase phrase ? phrase.da : argument;
    }
}
