package dk.region.medcom.gateway.message;

/**
 * One problem (or remark) about a message: which rule, how serious, where, and a text in English
 * and Danish that a hospital clerk can act on. Texts never contain CPR numbers or message bodies.
 */
public record Finding(String ruleId, Severity severity, Location location, String textEn, String textDa) {

    public static Finding error(String ruleId, Location location, String textEn, String textDa) {
        return new Finding(ruleId, Severity.ERROR, location, textEn, textDa);
    }

    public static Finding warning(String ruleId, Location location, String textEn, String textDa) {
        return new Finding(ruleId, Severity.WARNING, location, textEn, textDa);
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
