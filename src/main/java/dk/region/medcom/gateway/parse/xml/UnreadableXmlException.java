package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Finding;

/**
 * A message that cannot be read as XML at all: too large, a DTD or entity, a character encoding
 * that lies, or not well-formed. The finding says which (rule id {@code XML-...}) and where.
 */
public final class UnreadableXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Finding finding;

    UnreadableXmlException(Finding finding) {
        super(finding.toLine(), null, false, false); // no stack trace: an expected outcome, not a bug
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }
}
