package dk.region.medcom.gateway.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One message on its way through the pipeline stages. Each stage fills in its part; the original
 * bytes are never changed, so a rejected message can always be quarantined exactly as received.
 */
public final class PipelineMessage {

    private final TrackingId trackingId;
    private final String source;
    private final byte[] original;
    private final List<Finding> findings = new ArrayList<>();
    private MessageFormat format;
    private byte[] xml;
    private Document document;
    private MessageHeader header = MessageHeader.UNKNOWN;
    private PatientFacts patient = PatientFacts.NONE;
    private TypedLetter letter = TypedLetter.NONE;
    private RoutingDecision routing;
    private byte[] outbound;
    private boolean enriched;
    private TrackingId duplicateOf;
    private int findingsRecorded;
    private boolean journalWithoutHeader;

    public PipelineMessage(TrackingId trackingId, String source, byte[] original) {
        this.trackingId = trackingId;
        this.source = source;
        this.original = original;
    }

    public TrackingId trackingId() {
        return trackingId;
    }

    public String source() {
        return source;
    }

    /** The bytes as received; null only for a file too large to read, which ingest moves aside unread. */
    public byte[] original() {
        return original;
    }

    public MessageFormat format() {
        return format;
    }

    /** The message in MedCom XML: as received, or translated from EDIFACT at parse. */
    public byte[] xml() {
        return xml;
    }

    public void parsed(MessageFormat format, byte[] xml, MessageHeader header) {
        parsed(format, xml, null, header);
    }

    public void parsed(MessageFormat format, byte[] xml, Document document, MessageHeader header) {
        parsed(format, xml, document, header, PatientFacts.NONE);
    }

    public void parsed(MessageFormat format, byte[] xml, Document document, MessageHeader header, PatientFacts patient) {
        parsed(format, xml, document, header, patient, TypedLetter.NONE);
    }

    public void parsed(MessageFormat format, byte[] xml, Document document, MessageHeader header, PatientFacts patient,
                       TypedLetter letter) {
        this.format = format;
        this.xml = xml;
        this.document = document;
        this.header = header;
        this.patient = patient;
        this.letter = letter;
    }

    /**
     * The XML form as a DOM, read once at parse and shared by the later stages (validate reads it,
     * route may enrich its Receiver). Null when the message could not be read. Never leaves the JVM.
     */
    public Document document() {
        return document;
    }

    /** The XML form was changed (the resolved receiver written in): it is no longer "as sent". */
    public void enriched(byte[] enrichedXml) {
        this.xml = enrichedXml;
        this.enriched = true;
    }

    public boolean isEnriched() {
        return enriched;
    }

    public MessageHeader header() {
        return header;
    }

    /** The patient facts read once at parse ({@link PatientFacts#NONE} when the message could not be read). */
    public PatientFacts patient() {
        return patient;
    }

    /** The letter in its generated JAXB classes, bound at parse to {@link #document()}; NONE when it could not be. */
    public TypedLetter letter() {
        return letter;
    }

    public RoutingDecision routing() {
        return routing;
    }

    public void routed(RoutingDecision routing) {
        this.routing = routing;
    }

    /** The bytes to deliver, in the recipient's format. */
    public byte[] outbound() {
        return outbound;
    }

    public void translated(byte[] outbound) {
        this.outbound = outbound;
    }

    /** This message repeats an earlier one (same sender, envelope and letter identifiers). */
    public void duplicateOf(TrackingId first) {
        this.duplicateOf = first;
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The first message with this letter's identifiers, when this one is a duplicate of it. */
    public Optional<TrackingId> duplicateOf() {
        return Optional.ofNullable(duplicateOf);
    }

    /**
     * The journal refused this message's values once: it is journaled from now on without what was
     * read from it (identifiers, forms), though the header still serves its receipt.
     */
    public void journalWithoutHeader() {
        this.journalWithoutHeader = true;
    }

    public boolean isJournalWithoutHeader() {
        return journalWithoutHeader;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The findings added since the last call: each stage's journal entry lists only its own. */
    public List<Finding> takeNewFindings() {
        List<Finding> fresh = List.copyOf(findings.subList(findingsRecorded, findings.size()));
        findingsRecorded = findings.size();
        return fresh;
    }

    public void addFindings(List<Finding> more) {
        findings.addAll(more);
    }

    /** A message with any ERROR finding goes to quarantine instead of on to the next stage. */
    public boolean isRejected() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
