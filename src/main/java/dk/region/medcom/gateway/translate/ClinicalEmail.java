package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.List;

/** A DIS91 letter between the two syntaxes. Code fields hold the XML values; text runs use FTX format codes. */
final class ClinicalEmail {
    String identifier;
    String authorisationDate;
    String authorisationTime;
    String statusCode;
    String episodeOfCareIdentifier;
    Party sender;
    Party receiver;
    PatientData patient;
    String priority;
    String subject;
    final List<List<TextRun>> clinicalInformation = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();

    /** The patient block (PNA, RFF+XPI, ADR, EMP, PAS). */
    static final class PatientData extends PatientIdentity {
        String occupancy;
        String episodeOfCareStatus;
    }
}
