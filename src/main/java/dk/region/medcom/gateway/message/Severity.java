package dk.region.medcom.gateway.message;

/** How serious a finding is: only {@link #ERROR} stops a message. */
public enum Severity {
    ERROR, WARNING, INFO
}
