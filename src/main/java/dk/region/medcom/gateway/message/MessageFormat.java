package dk.region.medcom.gateway.message;

/** The two wire syntaxes MedCom uses. */
public enum MessageFormat {
    EDIFACT, XML
}
