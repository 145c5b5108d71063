package dk.region.medcom.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CprNumberTests {

    private static final CprNumber ADULT = CprNumber.of("0101904016").orElseThrow();

    @Test
    void neverShowsTheDigitsHoweverItIsTurnedIntoText() {
        assertThat(ADULT.toString()).isEqualTo("010190-****");
        assertThat(String.valueOf(ADULT)).doesNotContain("4016");
        assertThat("patient " + ADULT).isEqualTo("patient 010190-****");
        assertThat(String.format("%s", ADULT)).doesNotContain("4016");
        assertThat(List.of(ADULT).toString()).doesNotContain("4016");
        assertThat(Map.of("cpr", ADULT).toString()).doesNotContain("4016");
        assertThat(new StringBuilder().append(ADULT).toString()).doesNotContain("4016");
        PatientFacts facts = PatientFacts.of(ADULT, Location.NONE, "851", "9000");
        assertThat(facts.toString()).contains("010190-****").doesNotContain("0101904016");
    }

    @Test
    void givesTheDigitsOnlyWhenAskedByName() {
        assertThat(ADULT.unmasked()).isEqualTo("0101904016");
    }

    @Test
    void isEqualByValue() {
        assertThat(CprNumber.of(" 0101904016\n")).contains(ADULT);
        assertThat(new HashSet<>(List.of(ADULT, CprNumber.of("0101904016").orElseThrow()))).hasSize(1);
        assertThat(ADULT.hashCode()).isEqualTo(CprNumber.of("0101904016").orElseThrow().hashCode());
        assertThat(ADULT).isNotEqualTo(CprNumber.of("0101904024").orElseThrow());
    }

    @Test
    void takesOnlyTenDigits() {
        assertThat(CprNumber.of("010190-4016")).isEmpty();
        assertThat(CprNumber.of("010190401")).isEmpty();
        assertThat(CprNumber.of("01019040160")).isEmpty();
        assertThat(CprNumber.of("01019O4016")).isEmpty();
        assertThat(CprNumber.of(null)).isEmpty();
    }

    @Test
    void derivesBirthDateFromTheCenturyDigit() {
        assertThat(ADULT.birthDate()).contains(LocalDate.of(1990, 1, 1));
        assertThat(CprNumber.of("0101154321").orElseThrow().birthDate()).contains(LocalDate.of(2015, 1, 1));
        assertThat(CprNumber.of("2902001000").orElseThrow().birthDate()).isEmpty(); // 1900 was no leap year
        assertThat(CprNumber.of("2902004000").orElseThrow().birthDate()).contains(LocalDate.of(2000, 2, 29));
        assertThat(CprNumber.of("0101605000").orElseThrow().birthDate()).contains(LocalDate.of(1860, 1, 1));
    }

    @Test
    void derivesSexFromTheLastDigitsParity() {
        assertThat(ADULT.sex()).contains(Sex.FEMALE);
        assertThat(CprNumber.of("0101904017").orElseThrow().sex()).contains(Sex.MALE);
        assertThat(CprNumber.of(CprNumber.UNKNOWN_DIGITS).orElseThrow().sex()).isEmpty();
    }

    @Test
    void countsWholeYearsOfAge() {
        CprNumber child = CprNumber.of("2511084000").orElseThrow();
        assertThat(child.ageOn(LocalDate.of(2026, 11, 24))).hasValue(17);
        assertThat(child.ageOn(LocalDate.of(2026, 11, 25))).hasValue(18);
        assertThat(CprNumber.of("3102904016").orElseThrow().ageOn(LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void knowsTheUnknownNumberAndModulus11() {
        assertThat(CprNumber.of("0000000000").orElseThrow().isUnknown()).isTrue();
        assertThat(ADULT.isUnknown()).isFalse();
        assertThat(ADULT.passesModulus11()).isTrue();
        assertThat(CprNumber.of("0101904321").orElseThrow().passesModulus11()).isFalse();
    }

    @Test
    void patientFactsDeriveBirthDateAndSexOnce() {
        PatientFacts facts = PatientFacts.of(ADULT, Location.NONE, "851", "9000");
        assertThat(facts.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(facts.sex()).isEqualTo(Sex.FEMALE);
        assertThat(facts.ageOn(LocalDate.of(2026, 11, 24))).hasValue(36);
        PatientFacts unknown = PatientFacts.of(CprNumber.of("0000000000").orElseThrow(), null, null, null);
        assertThat(unknown.birthDate()).isNull();
        assertThat(unknown.sex()).isNull();
        assertThat(unknown.cprLocation()).isEqualTo(Location.NONE);
    }
}
