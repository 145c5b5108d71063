package dk.region.medcom.gateway.fuzz;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.route.MunicipalityDirectory;
import dk.region.medcom.gateway.route.PostcodeDirectory;
import dk.region.medcom.gateway.route.RecipientDirectory;
import dk.region.medcom.gateway.route.Router;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.RecipientTranslator;
import dk.region.medcom.gateway.validate.MessageValidator;
import dk.region.medcom.gateway.validate.ValidationStage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages a message passes in-process, wired as the gateway wires them but without Spring,
 * broker or journal: parse, validate, route, translate. {@link #run} says how one input ended
 * and whether that broke the contract: accepted, or rejected with findings that each have a rule
 * id and a place, never an exception, an internal-error finding, a CPR number or an unbounded text.
 */
final class PipelineHarness {

    /** Findings about the message as a whole: they have no smaller place to point at. */
    static final Set<String> WHOLE_MESSAGE_RULES = Set.of("PARSE-EMPTY", "XML-EMPTY", "XML-TOO-LARGE",
            "XSD-TOO-MANY-ERRORS", "INGEST-TOO-LARGE");
    /** The catch-alls for bugs: an input that ends in one of these found a defect. */
    static final Set<String> INTERNAL_RULES = Set.of("EDI-MAP-INTERNAL", "RULE-FAILED");
    /** Longer than any text the gateway's own templates and schemas make, short of any that grows with the input. */
    static final int MAX_FINDING_TEXT = 2_000;
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])");

    private final MessageParser parser;
    private final ValidationStage validation;
    private final Router router;
    private final RecipientTranslator translator;

    PipelineHarness() {
        EdifactTranslator edifact = EdifactTranslator.withDefaultMappings();
        parser = new MessageParser(edifact, new SafeXmlParser());
        MessageValidator validator = MessageValidator.withDefaults(Path.of("schemas"));
        validator.compileAllSchemas(); // as the gateway does at start-up: compiling is not the first input's time
        validation = new ValidationStage(validator);
        router = new Router(RecipientDirectory.load("classpath:directory/demo-recipients.yaml"), MunicipalityDirectory.load(),
                PostcodeDirectory.load("classpath:directory/postcodes-sample.csv"), Clock.systemUTC());
        translator = new RecipientTranslator(edifact);
    }

    /** How one input ended. {@code problem} is null when the contract held. */
    record Outcome(boolean accepted, List<Finding> findings, String problem) {

        /** The rule ids of the error findings, or the problem's kind, for counting. */
        List<String> ruleIds() {
            return findings.stream().filter(Finding::isError).map(Finding::ruleId).distinct().toList();
        }
    }

    Outcome run(byte[] input) {
        PipelineMessage message = new PipelineMessage(TrackingId.newId(), "fuzz", input);
        try {
            message = parser.parse(message);
            if (!message.isRejected()) {
                message = validation.validate(message);
            }
            if (!message.isRejected()) {
                message = router.route(message);
            }
            if (!message.isRejected()) {
                message = translator.translate(message);
            }
        } catch (Throwable e) { // a crash is what we look for, whatever its kind
            return new Outcome(false, message.findings(), "CRASH " + e.getClass().getName() + " at " + where(e));
        }
        return new Outcome(!message.isRejected(), message.findings(), problem(message, input));
    }

    private static String problem(PipelineMessage message, byte[] input) {
        if (!message.isRejected() && message.outbound() == null) {
            return "ACCEPTED-WITHOUT-OUTPUT";
        }
        for (Finding f : message.findings()) {
            if (f.ruleId() == null || f.ruleId().isBlank()) {
                return "NO-RULE-ID " + f.toLine();
            }
            if (INTERNAL_RULES.contains(f.ruleId())) {
                return "INTERNAL " + f.ruleId() + " " + f.textEn();
            }
            if (f.isError() && !hasPlace(f.location()) && !WHOLE_MESSAGE_RULES.contains(f.ruleId())) {
                return "NO-PLACE " + f.ruleId();
            }
            if (f.textEn().length() > MAX_FINDING_TEXT || f.textDa().length() > MAX_FINDING_TEXT) {
                return "LONG-TEXT " + f.ruleId() + " " + f.textEn().length();
            }
            String cpr = cprFromInput(f.textEn() + " " + f.textDa(), input);
            if (cpr != null) {
                return "CPR-IN-FINDING " + f.ruleId();
            }
        }
        return null;
    }

    /** A ten-digit run (CPR-shaped) in a finding's text that also occurs in the input. */
    private static String cprFromInput(String text, byte[] input) {
        Matcher m = TEN_DIGITS.matcher(text);
        while (m.find()) {
            String digits = m.group().replace("-", "");
            if (isDate(digits) && new String(input, StandardCharsets.ISO_8859_1).contains(digits)) {
                return digits;
            }
        }
        return null;
    }

    /** CPR numbers begin with a date, DDMMYY; other ten-digit numbers mostly do not. */
    private static boolean isDate(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    static boolean hasPlace(Location location) {
        return location != null && (location.segmentNumber() != null || location.byteOffset() != null
                || location.line() != null || location.xpath() != null);
    }

    /** The first stack frame in the gateway's own code: enough to tell two crashes apart. */
    static String where(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("dk.region.medcom.gateway") && !frame.getClassName().contains(".fuzz.")) {
                return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName()
                        + ":" + frame.getLineNumber();
            }
        }
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
    }
}
