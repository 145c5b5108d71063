package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.parse.xml.ReceiverWriter;
import java.util.Optional;

/**
 * The translate stage: gives the recipient the message in the format its routing decision names.
 * A recipient that takes the sender's format gets the original bytes untouched, unless routing
 * resolved a receiver other than the one the message names: that receiver is written into the XML
 * form here, once, and the outbound form (XML, or EDIFACT made from it) is made from that.
 */
public class RecipientTranslator {

    private final EdifactTranslator edifact;
    private final ReceiverWriter receiverWriter = new ReceiverWriter();

    public RecipientTranslator(EdifactTranslator edifact) {
        this.edifact = edifact;
    }

    public PipelineMessage translate(PipelineMessage message) {
        MessageFormat target = message.routing().targetFormat();
        Optional<Recipient> receiver = message.receiverToWrite();
        if (target == message.format() && receiver.isEmpty()) {
            return message.withOutbound(message.original());
        }
        byte[] xml = receiver.isPresent() ? receiverWriter.write(message.document(), receiver.get()) : message.xml();
        if (target == MessageFormat.XML) {
            return message.withOutbound(xml);
        }
        Translation translation = edifact.toEdifact(xml);
        PipelineMessage translated = message.withFindings(translation.findings());
        return translation.ok() ? translated.withOutbound(translation.output()) : translated;
    }
}
