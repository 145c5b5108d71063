package dk.region.medcom.gateway.ingest;

import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Folder senders bound to their location numbers, as HTTP users are: a letter taken from
 * {@code inbox/<location number>/} (gateway.ingest.sender-folders) must name that location number
 * as its sender, or it is refused. The operating system's permissions make the binding: each
 * sender's account may write its own folder only.
 */
@Component("senderFolders")
public class SenderFolders {

    /** After parse: a letter from a sender folder that names another sender gets an error finding. */
    public PipelineMessage check(@Body PipelineMessage message, @Header(PipelineHeaders.SENDER_FOLDER) String folder) {
        if (folder == null || message.isRejected() || folder.equals(message.header().senderLocation())) {
            return message;
        }
        return message.withFinding(Finding.error("INGEST-SENDER-NOT-FOLDER",
                Location.xml(null, null, "/Emessage/*/Sender/EANIdentifier"),
                "the letter came through the sender folder of location number " + folder
                        + " but names another sender; a sender sends only as itself",
                "brevet kom gennem afsendermappen for lokationsnummer " + folder
                        + ", men angiver en anden afsender; en afsender sender kun som sig selv"));
    }
}
