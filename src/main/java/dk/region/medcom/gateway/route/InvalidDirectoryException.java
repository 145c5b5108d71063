package dk.region.medcom.gateway.route;

/** The recipient directory file cannot be used; the message names the line. */
public class InvalidDirectoryException extends RuntimeException {

    public InvalidDirectoryException(String message) {
        super(message);
    }
}
