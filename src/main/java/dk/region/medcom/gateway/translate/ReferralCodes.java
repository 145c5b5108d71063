package dk.region.medcom.gateway.translate;

/** The REF01-only code lists, loaded once with the rest of the mapping data. */
final class ReferralCodes {
    final CodeList priorities = CodeList.load("referral-priority-codes");
    final CodeList statuses = CodeList.load("referral-status-codes");
    final CodeList transports = CodeList.load("transport-codes");
    final CodeList relations = CodeList.load("relation-codes");
    final CodeList diagnoseTypes = CodeList.load("diagnose-type-codes");
    final CodeList diagnoseDescriptions = CodeList.load("diagnose-description-codes");
    final CodeList visitations = CodeList.load("visitation-codes");
    final CodeList telephones = CodeList.load("telephone-codes");
    /** FTX qualifier to the text's XML place, e.g. AL to RelevantClinicalInformation/Cave. */
    final CodeList texts = CodeList.load("referral-texts");
}
