package dk.region.medcom.gateway.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One message on its way through the pipeline stages, as an immutable value: each stage returns
 * a new message with its part added (the parse facts, findings, the routing decision, the outbound
 * form) and never changes the one it was given. The original bytes are never changed, so a
 * rejected message can always be quarantined exactly as received.
 */
public final class PipelineMessage {

    private final TrackingId trackingId;
    private final String source;
    private final byte[] original;
    private final List<Finding> findings;
    private final MessageFormat format;
    private final byte[] xml;
    private final Document document;
    private final MessageHeader header;
    private final PatientFacts patient;
    private final TypedLetter letter;
    private final RoutingDecision routing;
    private final byte[] outbound;
    private final TrackingId duplicateOf;
    private final int findingsRecorded;
    private final boolean journalWithoutHeader;

    public PipelineMessage(TrackingId trackingId, String source, byte[] original) {
        this(trackingId, source, original, List.of(), null, null, null, MessageHeader.UNKNOWN, PatientFacts.NONE,
                TypedLetter.NONE, null, null, null, 0, false);
    }

    private PipelineMessage(TrackingId trackingId, String source, byte[] original, List<Finding> findings,
                            MessageFormat format, byte[] xml, Document document, MessageHeader header,
                            PatientFacts patient, TypedLetter letter, RoutingDecision routing, byte[] outbound,
                            TrackingId duplicateOf, int findingsRecorded, boolean journalWithoutHeader) {
        this.trackingId = trackingId;
        this.source = source;
        this.original = original;
        this.findings = findings;
        this.format = format;
        this.xml = xml;
        this.document = document;
        this.header = header;
        this.patient = patient;
        this.letter = letter;
        this.routing = routing;
        this.outbound = outbound;
        this.duplicateOf = duplicateOf;
        this.findingsRecorded = findingsRecorded;
        this.journalWithoutHeader = journalWithoutHeader;
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

    /** What parse read: the message with only its format known (it could not be read further). */
    public PipelineMessage withParse(MessageFormat format, byte[] xml, MessageHeader header) {
        return withParse(format, xml, null, header);
    }

    public PipelineMessage withParse(MessageFormat format, byte[] xml, Document document, MessageHeader header) {
        return withParse(format, xml, document, header, PatientFacts.NONE);
    }

    public PipelineMessage withParse(MessageFormat format, byte[] xml, Document document, MessageHeader header,
                                     PatientFacts patient) {
        return withParse(format, xml, document, header, patient, TypedLetter.NONE);
    }

    /** What parse read, once: the format, the XML form and its DOM, the header, the patient facts and the letter. */
    public PipelineMessage withParse(MessageFormat format, byte[] xml, Document document, MessageHeader header,
                                     PatientFacts patient, TypedLetter letter) {
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, duplicateOf, findingsRecorded, journalWithoutHeader);
    }

    /**
     * The XML form as a DOM, read once at parse and shared by the later stages (validate and route
     * read it; no stage changes it). Null when the message could not be read. Never leaves the JVM.
     */
    public Document document() {
        return document;
    }

    /**
     * The recipient routing resolved, when it must be written into the outbound XML form: the
     * message was read and names another receiver (none, a municipality, the network). Translate
     * writes it once, where the outbound form is made.
     */
    public Optional<Recipient> receiverToWrite() {
        if (routing == null || routing.recipient() == null || document == null
                || routing.recipient().locationNumber().equals(header.receiverLocation())) {
            return Optional.empty();
        }
        return Optional.of(routing.recipient());
    }

    /** The outbound form names the resolved receiver: it is no longer the message "as sent". */
    public boolean isEnriched() {
        return receiverToWrite().isPresent();
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

    public PipelineMessage withRouting(RoutingDecision routing) {
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, duplicateOf, findingsRecorded, journalWithoutHeader);
    }

    /** The bytes to deliver, in the recipient's format. */
    public byte[] outbound() {
        return outbound;
    }

    public PipelineMessage withOutbound(byte[] outbound) {
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, duplicateOf, findingsRecorded, journalWithoutHeader);
    }

    /** This message repeats an earlier one (same sender, envelope and letter identifiers). */
    public PipelineMessage withDuplicateOf(TrackingId first) {
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, first, findingsRecorded, journalWithoutHeader);
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
    public PipelineMessage withJournalWithoutHeader() {
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, duplicateOf, findingsRecorded, true);
    }

    public boolean isJournalWithoutHeader() {
        return journalWithoutHeader;
    }

    /** Every finding so far, in the order the stages made them. */
    public List<Finding> findings() {
        return findings;
    }

    /** The message with {@code more} findings after its own. */
    public PipelineMessage withFindings(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings.size() + more.size());
        all.addAll(findings);
        all.addAll(more);
        return new PipelineMessage(trackingId, source, original, List.copyOf(all), format, xml, document, header,
                patient, letter, routing, outbound, duplicateOf, findingsRecorded, journalWithoutHeader);
    }

    public PipelineMessage withFinding(Finding finding) {
        return withFindings(List.of(finding));
    }

    /** The findings not yet journaled: each stage's journal entry lists only its own. */
    public List<Finding> newFindings() {
        return findings.subList(findingsRecorded, findings.size());
    }

    /** The message with every finding so far journaled ({@link #newFindings()} is then empty). */
    public PipelineMessage withFindingsRecorded() {
        if (findingsRecorded == findings.size()) {
            return this;
        }
        return new PipelineMessage(trackingId, source, original, findings, format, xml, document, header, patient,
                letter, routing, outbound, duplicateOf, findings.size(), journalWithoutHeader);
    }

    /** A message with any ERROR finding goes to quarantine instead of on to the next stage. */
    public boolean isRejected() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
