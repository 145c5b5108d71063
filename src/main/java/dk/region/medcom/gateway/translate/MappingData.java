package dk.region.medcom.gateway.translate;

import java.util.List;
import java.util.Optional;

/**
 * The mapping tables the Java mappings use, read once from the classpath at start-up; immutable
 * afterwards. The mapping engine loads the code lists its YAML names itself.
 */
final class MappingData {

    final List<MessageType> messageTypes;
    final CodeList identifierCodes = CodeList.load("identifier-codes");
    final CodeList specialityCodes = CodeList.load("medical-speciality-codes");
    final CodeList statusCodes = CodeList.load("status-codes");
    final CodeList priorityCodes = CodeList.load("priority-codes");
    final CodeList episodeStatusCodes = CodeList.load("episode-status-codes");
    final CodeList acknowledgementCodes = CodeList.load("acknowledgement-codes");
    final CodeList textFormats = CodeList.load("text-formats");
    /** Reference BIN object type and file type (FTX+BIN components 3 and 4). */
    final CodeList objectCodes = CodeList.load("object-codes");
    final CodeList objectExtensionCodes = CodeList.load("object-extension-codes");
    final ReferralCodes referralCodes = new ReferralCodes();

    MappingData() {
        messageTypes = CsvTable.read("mapping/message-types.csv").stream().map(MessageType::of).toList();
    }

    Optional<MessageType> byEdifact(String edifactType, String associationCode) {
        return messageTypes.stream()
                .filter(t -> t.edifactType().equals(edifactType) && t.associationCode().equals(associationCode))
                .findFirst();
    }

    Optional<MessageType> byXml(String namespace, String element) {
        return messageTypes.stream()
                .filter(t -> t.xmlNamespace().equals(namespace) && t.xmlElement().equals(element))
                .findFirst();
    }
}
