package dk.region.medcom.gateway.message;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the gateway knows of the patient of a letter, read once at parse and derived once: the CPR
 * number (masked in {@code toString()}), the birth date and sex it holds, the residence
 * municipality code (kommunekode) and the postcode. Rules and routing read these, never the XML.
 * Absent parts are null; {@link #NONE} for a message with no readable letter.
 *
 * @param cpr                   the Patient's CivilRegistrationNumber when it is ten digits
 * @param cprLocation           where that number stands in the message, for findings about it
 * @param birthDate             from the CPR number; null when unknown or not a date
 * @param sex                   from the CPR number; null when unknown
 * @param residenceMunicipality the letter's ResidenceMunicipalityCode (kommunekode)
 * @param postcode              the Patient's PostCodeIdentifier
 */
public record PatientFacts(CprNumber cpr, Location cprLocation, LocalDate birthDate, Sex sex,
                           String residenceMunicipality, String postcode) {

    public static final PatientFacts NONE = new PatientFacts(null, Location.NONE, null, null, null, null);

    /** The facts with birth date and sex derived from {@code cpr} (the unknown number yields neither). */
    public static PatientFacts of(CprNumber cpr, Location cprLocation, String residenceMunicipality, String postcode) {
        boolean known = cpr != null && !cpr.isUnknown();
        return new PatientFacts(cpr, cprLocation == null ? Location.NONE : cprLocation,
                known ? cpr.birthDate().orElse(null) : null,
                known ? cpr.sex().orElse(null) : null,
                residenceMunicipality, postcode);
    }

    public Optional<CprNumber> cprNumber() {
        return Optional.ofNullable(cpr);
    }

    public Optional<LocalDate> birth() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<String> residence() {
        return Optional.ofNullable(residenceMunicipality);
    }

    /** Whole years of age on {@code day}; empty without a birth date. */
    public OptionalInt ageOn(LocalDate day) {
        return birthDate == null ? OptionalInt.empty() : OptionalInt.of(java.time.Period.between(birthDate, day).getYears());
    }
}
