package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "cvc-pattern-valid: Value '1502824933' is not facet-valid with respect to pattern '[0-9]{10}' for type 'CprType'.",
        "cvc-datatype-valid.1.2.1: '1502824933' is not a valid value for 'integer'.",
        "cvc-type.3.1.3: The value '1502824933' of element 'CivilRegistrationNumber' is not valid.",
        "cvc-maxLength-valid: Value '1502824933' with length = '10' is not facet-valid with respect to maxLength '9' for type 'x'.",
        "cvc-enumeration-valid: Value '1502824933' is not facet-valid with respect to enumeration '[a, b]'. It must be a value from the enumeration.",
        "cvc-attribute.3: The value '1502824933' of attribute 'id' on element 'X' is not valid with respect to its type, 'y'.",
    })
    void stripsTheOffendingValueButKeepsTheSchemasVocabulary(String message) {
        String safe = SchemaMessages.sanitise(message);

        assertThat(safe).doesNotContain("1502824933").startsWith("cvc-");
    }

    @Test
    void keepsElementNamesAndDropsNamespacesFromExpectedLists() {
        String message = "cvc-complex-type.2.4.b: The content of element 'ClinicalEmail' is not complete. "
                + "One of '{\"http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/\":Patient}' is expected.";

        String safe = SchemaMessages.sanitise(message);

        assertThat(safe).contains("'ClinicalEmail'", "'{Patient}'").doesNotContain("http://");
        assertThat(SchemaMessages.danish(safe)).isEqualTo("indholdet er ikke komplet; der mangler Patient.");
    }

    @Test
    void namesTheCodeInDanishWhenThereIsNoTranslation() {
        assertThat(SchemaMessages.danish("cvc-elt.4.2: Cannot resolve 'x' to a type definition for element 'y'."))
                .contains("cvc-elt.4.2");
    }
}
