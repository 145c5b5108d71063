package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REF01 hospital referral between the two syntaxes. Code fields hold XML values; formatted texts
 * are runs keyed by their XML place (e.g. {@code RelevantClinicalInformation/Cave}), as listed in
 * {@code mapping/referral-texts.csv}.
 */
final class HospitalReferral {
    String identifier;
    String authorisationDate;
    String authorisationTime;
    String statusCode;
    String episodeOfCareIdentifier;
    Party sender;
    Referrer referrer;
    Party receiver;
    Party answerCcReceiver;
    ReferralPatient patient;
    Relative relative;
    String priority;
    String referralStatus;
    String transport;
    final Map<String, List<TextRun>> texts = new LinkedHashMap<>();
    Diagnosis refer;
    final List<Diagnosis> additionalDiagnoses = new ArrayList<>();
    final List<Visitation> visitations = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();

    /** The referring doctor (NAD+BV). */
    static final class Referrer {
        String identifier;
        String identifierCode;
        String personName;
        String personTitle;
    }

    static final class ReferralPatient extends PatientIdentity {
        String title;
        final List<String[]> telephones = new ArrayList<>(); // {number, XML telephone code}
        String email;
    }

    static final class Relative {
        String relationCode;
        String personIdentifier;
        String surname;
        String givenName;
    }

    /** A CIN diagnosis; descriptionCode is null for the referral diagnosis itself (CIN+H). */
    static final class Diagnosis {
        String descriptionCode;
        String code;
        String typeCode;
        String text;
    }

    static final class Visitation {
        String informationCode;
        List<TextRun> information = new ArrayList<>();
    }
}
