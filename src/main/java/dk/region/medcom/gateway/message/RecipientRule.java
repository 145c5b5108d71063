package dk.region.medcom.gateway.message;

/**
 * A recipient's own routing rule: patients younger than {@code patientUnder} years go to
 * {@code locationNumber} instead (e.g. the municipality's children-and-youth unit).
 */
public record RecipientRule(int patientUnder, String locationNumber) {
}
