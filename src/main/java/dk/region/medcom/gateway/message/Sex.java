package dk.region.medcom.gateway.message;

/** A patient's legal sex as the CPR number records it (the last digit: odd for male, even for female). */
public enum Sex {
    FEMALE, MALE
}
