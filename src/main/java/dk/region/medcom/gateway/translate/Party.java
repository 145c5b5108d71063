package dk.region.medcom.gateway.translate;

/** A sender or receiver organisation as DIS91 carries it (NAD, ADR, CON, SPR). Code fields hold XML values. */
final class Party {
    String locationNumber;
    String identifier;
    String identifierCode;
    String organisationName;
    String departmentName;
    String unitName;
    String streetName;
    String suburbName;
    String districtName;
    String postCode;
    String telephone;
    String medicalSpeciality;
}
