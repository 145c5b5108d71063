package dk.region.medcom.gateway.message;

/**
 * One problem (or remark) about a message: which rule, how serious, where, and a text in English
 * and Danish that a hospital clerk can act on. Texts never contain CPR numbers or message bodies:
 * values from the message go in as {@link Excerpt}s, and every text is guarded here as well (CPR-shaped
 * numbers masked, over-long runs cut, at most {@link Excerpt#MAX_TEXT_CHARS} characters).
 */
public record Finding(String ruleId, Severity severity, Location location, String textEn, String textDa) {

    public Finding {
        textEn = Excerpt.guardText(textEn);
        textDa = Excerpt.guardText(textDa);
    }

    public static Finding error(String ruleId, Location location, String textEn, String textDa) {
        return new Finding(ruleId, Severity.ERROR, location, textEn, textDa);
    }

    public static Finding warning(String ruleId, Location location, String textEn, String textDa) {
        return new Finding(ruleId, Severity.WARNING, location, textEn, textDa);
    }

    /**
     * A finding from a rule's English and Danish templates ({@code %s} placeholders); an argument
     * that is a {@link Phrase} is put in each text in that text's language.
     */
    public static Finding formatted(String ruleId, Severity severity, Location location, String templateEn,
                                    String templateDa, Object... args) {
        Object[] en = new Object[args.length];
        Object[] da = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            en[i] = Phrase.en(args[i]);
            da[i] = Phrase.da(args[i]);
        }
        return new Finding(ruleId, severity, location, templateEn.formatted(en), templateDa.formatted(da));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for logs, stderr and error files: {@code ERROR EDI-UNT-COUNT segment 30 UNT: count 28 but ...}. */
    public String toLine() {
        String where = location == null ? "" : location.describe();
        return severity + " " + ruleId + (where.isEmpty() ? "" : " " + where) + ": " + textEn;
    }
}
