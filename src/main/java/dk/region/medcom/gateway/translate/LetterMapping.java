package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/**
 * The body mapping of one shape of letter, named in the {@code mapping} column of
 * {@code message-types.csv}. The envelope, UNH and UNT are handled by the caller.
 */
interface LetterMapping {

    /** Writes the letter element (e.g. {@code <ClinicalEmail>}) for one message, UNH..UNT inclusive. */
    void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings);

    /** Writes the segments between UNH and UNT for one letter element. */
    void toEdifact(MessageType type, XmlElement letter, EdifactOut out, List<Finding> findings);
}
