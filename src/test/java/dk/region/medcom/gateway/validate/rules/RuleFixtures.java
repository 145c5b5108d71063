package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.parse.xml.UnreadableXmlException;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The valid samples each rule test starts from, and a fixed "now": 24 November 2026, 13:00 Danish time. */
final class RuleFixtures {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final SafeXmlParser PARSER = new SafeXmlParser();

    private RuleFixtures() {
    }

    static String xdis91() {
        return sample("xdis91", "xdis91-valid-needs-assessment.xml");
    }

    static String xref15() {
        return sample("xref15", "xref15-valid-rehabilitation.xml");
    }

    static String ggop() {
        return sample("ggop", "ggop-valid-general-advanced.xml");
    }

    static List<Finding> check(BusinessRule rule, String xml) {
        try {
            return rule.check(new ParsedMessage(PARSER.parse(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (UnreadableXmlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Replaces exactly one occurrence, so a test cannot silently change nothing. */
    static String change(String xml, String from, String to) {
        int at = xml.indexOf(from);
        if (at < 0 || xml.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("expected exactly one occurrence of " + from);
        }
        return xml.replace(from, to);
    }

    private static String sample(String type, String name) {
        try {
            return Files.readString(Paths.get("samples", type, name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
