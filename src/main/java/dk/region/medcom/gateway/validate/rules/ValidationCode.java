package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.xml.NodeLocations;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Node;

/**
 * Every finding the validate stage can report: rule id, default severity, English and Danish
 * texts, and the MedCom refuse code a negative receipt carries (NC ikke_specificeret,
 * LOK ukendt_lokationsnummer, MID problem_med_modtagerID, VER problem_med_version, SYN syntaksfejl).
 * Texts take only codes and element names as arguments: never a CPR number or message text.
 */
public enum ValidationCode {
    UNKNOWN_KIND("XSD-UNKNOWN-KIND", Severity.ERROR, "VER",
            "No schema is known for %s.",
            "Der kendes intet skema for %s."),
    SCHEMA_INVALID("XSD-INVALID", Severity.ERROR, "SYN",
            "Element %s does not follow the schema: %s",
            "Elementet %s overholder ikke skemaet: %s"),
    SCHEMA_VERSION("XSD-VERSION", Severity.ERROR, "VER",
            "The letter's VersionCode is not one the schema for %s accepts: %s",
            "Brevets VersionCode er ikke en, skemaet for %s accepterer: %s"),
    SCHEMA_TOO_MANY_ERRORS("XSD-TOO-MANY-ERRORS", Severity.ERROR, "SYN",
            "More than %s schema errors; the rest are not listed.",
            "Mere end %s skemafejl; resten vises ikke."),
    RULE_FAILED("RULE-FAILED", Severity.ERROR, "NC",
            "The check %s could not be completed.",
            "Kontrollen %s kunne ikke gennemføres."),
    CPR_DATE("CPR-DATE", Severity.ERROR, "NC",
            "The CPR number's first six digits are not a valid birth date.",
            "CPR-nummerets første seks cifre er ikke en gyldig fødselsdato."),
    CPR_MODULUS_11("CPR-MODULUS-11", Severity.INFO, null,
            "The CPR number does not pass the modulus-11 check; numbers issued since 2007 need not, so this is only a remark.",
            "CPR-nummeret opfylder ikke modulus 11-kontrollen; det behøver numre udstedt siden 2007 ikke, så det er kun en bemærkning."),
    GLN_CHECK_DIGIT("GLN-CHECK-DIGIT", Severity.WARNING, "LOK",
            "The location number %s has a wrong GS1 check digit.",
            "Lokationsnummeret %s har et forkert GS1-kontrolciffer."),
    GLN_LENGTH("GLN-LENGTH", Severity.WARNING, "LOK",
            "The location number %s is not 13 digits.",
            "Lokationsnummeret %s er ikke 13 cifre."),
    REFERRAL_CONSENT("REF-CONSENT", Severity.ERROR, "NC",
            "The referral has no recorded consent from the patient; it may only be sent with consent.",
            "Henvisningen har ikke registreret patientens samtykke; den må kun sendes med samtykke."),
    REFERRAL_KIND("REF-KIND", Severity.ERROR, "NC",
            "The referral does not say whether it is a referral to rehabilitation or to a municipal phone call.",
            "Henvisningen angiver ikke, om den er til rehabilitering eller til en opringning fra kommunen."),
    REHABILITATION_NEED("REF-REHAB-NEED", Severity.ERROR, "NC",
            "A referral to rehabilitation needs at least one needs-assessment item marked as needing support.",
            "En henvisning til rehabilitering skal have mindst ét punkt i behovsvurderingen, hvor der er behov for støtte."),
    REHABILITATION_DIAGNOSIS("REF-REHAB-DIAGNOSIS", Severity.ERROR, "NC",
            "A referral to rehabilitation needs a diagnosis.",
            "En henvisning til rehabilitering skal have en diagnose."),
    REHABILITATION_CONTACT("REF-REHAB-CONTACT", Severity.ERROR, "NC",
            "A referral to rehabilitation needs a hospital contact person.",
            "En henvisning til rehabilitering skal have en kontaktperson på sygehuset."),
    REFERRAL_MUNICIPALITY("REF-MUNICIPALITY", Severity.WARNING, "MID",
            "The referral goes to municipality %s, but the patient's residence municipality is %s.",
            "Henvisningen går til kommune %s, men patientens bopælskommune er %s."),
    PLAN_LEVEL("GGOP-LEVEL", Severity.ERROR, "NC",
            "The rehabilitation plan does not state its level.",
            "Genoptræningsplanen angiver ikke sit niveau."),
    PLAN_LEVEL_RECEIVER("GGOP-LEVEL-RECEIVER", Severity.ERROR, "MID",
            "A plan at level %s goes to %s, but the receiver is identified by %s.",
            "En plan på niveauet %s skal til %s, men modtageren er angivet ved %s."),
    PLAN_LEGAL_BASIS("GGOP-LEGAL-BASIS", Severity.WARNING, null,
            "A plan at level %s is normally given under %s, not %s.",
            "En plan på niveauet %s gives normalt efter %s, ikke %s."),
    CHILD_PATHWAY("CHILD-PATHWAY", Severity.INFO, null,
            "The patient is under 18: this belongs to the children's pathway.",
            "Patienten er under 18 år: forløbet hører til børneforløbet."),
    DATE_IN_FUTURE("DATE-IN-FUTURE", Severity.ERROR, "NC",
            "The date in %s lies in the future.",
            "Datoen i %s ligger ude i fremtiden.");

    /** Longer than any code or element name a rule quotes. */
    static final int MAX_QUOTED = 64;
    private static final Pattern CPR_SHAPED = Pattern.compile("\\b\\d{6}-?\\d{4}\\b");

    private final String ruleId;
    private final Severity severity;
    private final String refuseCode;
    private final String textEn;
    private final String textDa;

    ValidationCode(String ruleId, Severity severity, String refuseCode, String textEn, String textDa) {
        this.ruleId = ruleId;
        this.severity = severity;
        this.refuseCode = refuseCode;
        this.textEn = textEn;
        this.textDa = textDa;
    }

    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    /** The MedCom refuse code (NC, LOK, MID, VER, SYN) for a negative receipt, when one fits. */
    public Optional<String> refuseCode() {
        return Optional.ofNullable(refuseCode);
    }

    public static Optional<ValidationCode> byRuleId(String ruleId) {
        return Arrays.stream(values()).filter(c -> c.ruleId.equals(ruleId)).findFirst();
    }

    public Finding at(Node node, Object... args) {
        return at(NodeLocations.of(node), severity, args);
    }

    public Finding at(Node node, Severity override, Object... args) {
        return at(NodeLocations.of(node), override, args);
    }

    public Finding at(Location location, Severity override, Object... args) {
        Object[] bounded = Arrays.stream(args).map(ValidationCode::bounded).toArray();
        return new Finding(ruleId, override, location, format(textEn, bounded), format(textDa, bounded));
    }

    /** For texts whose arguments differ by language (a schema error explained in Danish). */
    public Finding at(Location location, Object[] argsEn, Object[] argsDa) {
        return new Finding(ruleId, severity, location, format(textEn, argsEn), format(textDa, argsDa));
    }

    /** A value quoted from the message is cut short: a finding text must not grow with the message. */
    private static Object bounded(Object argument) {
        return argument instanceof String s && s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : argument;
    }

    /** Arguments come from the message (names, codes); a CPR-shaped number among them is masked all the same. */
    private static String format(String template, Object[] args) {
        return CPR_SHAPED.matcher(String.format(template, args)).replaceAll("**********");
    }
}
