package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.PipelineMessage;

/**
 * The translate stage: gives the recipient the message in the format its routing decision names.
 * A recipient that takes the sender's format gets the original bytes untouched, unless routing
 * wrote the resolved receiver into the message.
 */
public class RecipientTranslator {

    private final EdifactTranslator edifact;

    public RecipientTranslator(EdifactTranslator edifact) {
        this.edifact = edifact;
    }

    public PipelineMessage translate(PipelineMessage message) {
        MessageFormat target = message.routing().targetFormat();
        if (target == message.format() && !message.isEnriched()) {
            message.translated(message.original());
        } else if (target == MessageFormat.XML) {
            message.translated(message.xml());
        } else {
            Translation translation = edifact.toEdifact(message.xml());
            message.addFindings(translation.findings());
            if (translation.ok()) {
                message.translated(translation.output());
            }
        }
        return message;
    }
}
