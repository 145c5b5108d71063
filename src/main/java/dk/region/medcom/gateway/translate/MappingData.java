package dk.region.medcom.gateway.translate;

import java.util.List;
import java.util.Optional;

/**
 * The message types and the tables the engine's Java parts use (receipts, free text, references),
 * read once from the classpath at start-up; immutable afterwards. The mapping engine loads the code
 * lists its YAML names itself.
 */
final class MappingData {

    final List<MessageType> messageTypes;
    final CodeList acknowledgementCodes = CodeList.load("acknowledgement-codes");
    final CodeList textFormats = CodeList.load("text-formats");
    /** Reference BIN object type and file type (FTX+BIN components 3 and 4). */
    final CodeList objectCodes = CodeList.load("object-codes");
    final CodeList objectExtensionCodes = CodeList.load("object-extension-codes");

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
