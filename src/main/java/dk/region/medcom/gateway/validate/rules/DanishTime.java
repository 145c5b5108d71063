package dk.region.medcom.gateway.validate.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import org.w3c.dom.Element;

/** MedCom dates and times are Danish local time without an offset. */
final class DanishTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private DanishTime() {
    }

    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the schema reports malformed dates
        }
    }

    /** A MedCom DateTimeType element (Date + Time hh:mm); midnight when the time is missing or malformed. */
    static Optional<LocalDateTime> dateTime(Element dateTime) {
        Element date = child(dateTime, "Date");
        if (date == null) {
            return Optional.empty();
        }
        Element time = child(dateTime, "Time");
        LocalTime at = LocalTime.MIDNIGHT;
        if (time != null) {
            try {
                at = LocalTime.parse(time.getTextContent().trim());
            } catch (DateTimeParseException e) {
                at = LocalTime.MIDNIGHT;
            }
        }
        LocalTime finalAt = at;
        return date(date.getTextContent().trim()).map(d -> d.atTime(finalAt));
    }

    static Element child(Element parent, String localName) {
        return ParsedMessage.child(parent, localName).orElse(null);
    }
}
