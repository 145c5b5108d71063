package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates MedCom letters between EDIFACT and XML: DIS91 ⇄ XDIS91, REF01 ⇄ XREF01, DIS01 ⇄
 * XDIS01 and the receipts CTL01/02/03. Thread-safe and free of Spring and Camel: build once, share. Faults in the
 * input come back as findings; nothing is thrown for bad input.
 */
public final class EdifactTranslator {

    private final EdifactToXml toXml;
    private final XmlToEdifact toEdifact;

    private EdifactTranslator(MappingData mapping) {
        Map<String, LetterMapping> letterMappings = new HashMap<>();
        Map<String, CodeList> codeLists = new HashMap<>();
        // the types themselves as a code list, for receipts that name the letter they answer (UCM: MEDREF:D:93A:UN:H0130R ⇄ H0130R)
        Map<String, String> types = new java.util.LinkedHashMap<>();
        mapping.messageTypes.forEach(t -> types.put(String.join(":", t.edifactType(), t.edifactVersion(), t.edifactRelease(),
                t.agency(), t.associationCode()), t.associationCode()));
        codeLists.put("message-types", CodeList.of("message-types", types));
        for (MessageType type : mapping.messageTypes) {
            // a mapping with data of its own (mapping/<name>.yaml) runs on the engine
            if (!letterMappings.containsKey(type.mapping()) && LetterSpec.exists(type.mapping())) {
                letterMappings.put(type.mapping(), new MappedLetter(LetterSpec.load(type.mapping(), codeLists), mapping));
            }
            if (!letterMappings.containsKey(type.mapping())) {
                throw new IllegalStateException("message-types.csv names an unknown mapping: " + type.mapping());
            }
        }
        toXml = new EdifactToXml(mapping, letterMappings);
        toEdifact = new XmlToEdifact(mapping, letterMappings);
    }

    /** A translator with the mapping tables from {@code mapping/} on the classpath. */
    public static EdifactTranslator withDefaultMappings() {
        return new EdifactTranslator(new MappingData());
    }

    /** EDIFACT to MedCom XML, as UTF-8 bytes with an XML declaration. */
    public Translation toXml(byte[] edifact) {
        try {
            return toXml.translate(edifact);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** MedCom XML to EDIFACT (UNOC:3, ISO-8859-1, with UNA). */
    public Translation toEdifact(byte[] xml) {
        try {
            return toEdifact.translate(xml);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** A bug must not escape to the caller either; only the exception's type is named, as its message may quote data. */
    private static Translation failed(RuntimeException e) {
        Finding finding = TranslationRule.INTERNAL.at(Location.NONE, e.getClass().getSimpleName());
        return new Translation(null, List.of(finding));
    }
}
