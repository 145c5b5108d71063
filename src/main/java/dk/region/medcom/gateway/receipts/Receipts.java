package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.deliver.Deliverer;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.route.RecipientDirectory;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells senders the outcome: a positive receipt (CTL03) after delivery when the sender asked for
 * one, a negative receipt (CTL02) for every rejection, asked for or not. The receipt goes in the
 * sender's own format (EDIFACT for an EDIFACT sender) to the sender's own channel, and is kept so
 * a duplicate gets exactly the same receipt. Receipts are never answered with receipts.
 */
public class Receipts {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Set<String> RECEIPT_TYPES = Set.of("XCTL01", "XCTL02", "XCTL03");

    private final EdifactTranslator edifact;
    private final Deliverer deliverer;
    private final RecipientDirectory directory;
    private final ReceiptStore store;
    private final Journal journal;
    private final RefuseCodes refuseCodes = RefuseCodes.load();
    private final String gatewayLocation;
    private final Clock clock;

    public Receipts(EdifactTranslator edifact, Deliverer deliverer, RecipientDirectory directory,
                    org.springframework.jdbc.core.simple.JdbcClient jdbc, JournalWriter writer, Journal journal,
                    ReceiptProperties properties, Clock clock) {
        this.edifact = edifact;
        this.deliverer = deliverer;
        this.directory = directory;
        this.store = new ReceiptStore(jdbc, writer, clock);
        this.journal = journal;
        this.gatewayLocation = properties.gatewayLocationNumber();
        this.clock = clock;
    }

    public static boolean isReceipt(MessageHeader header) {
        return header.messageType() != null && RECEIPT_TYPES.contains(header.messageType());
    }

    /** After delivery: a positive receipt if the sender asked for one. */
    public PipelineMessage positive(PipelineMessage message) throws IOException, InterruptedException {
        MessageHeader header = message.header();
        if (header.acknowledgementRequested() && !isReceipt(header)) {
            String from = message.routing().recipient().locationNumber();
            send(message, ReceiptKind.POSITIVE, from, null, List.of(), MessageState.DELIVERED);
        }
        return message;
    }

    /** After quarantine: a negative receipt naming the cause, whenever the sender can be told. */
    public PipelineMessage negative(PipelineMessage message) throws IOException, InterruptedException {
        MessageHeader header = message.header();
        if (isReceipt(header) || header.letterId() == null) {
            return message; // a receipt is never answered; an unreadable message names nobody to answer
        }
        // sent from the receiver the sender named only when the region knows it (else from the gateway)
        String from = channelOf(header.receiverLocation()).isPresent() ? header.receiverLocation() : gatewayLocation;
        List<String> reasons = message.findings().stream().filter(Finding::isError).limit(5)
                .map(f -> f.ruleId() + ": " + f.textDa()).toList();
        send(message, ReceiptKind.NEGATIVE, from, refuseCodes.codeFor(message.findings()), reasons,
                MessageState.QUARANTINED);
        return message;
    }

    /**
     * For a duplicate (dedupe found it): the receipt the first message got, sent again to the
     * sender, with an INFO finding saying whether there was one to send.
     */
    public PipelineMessage answerDuplicate(PipelineMessage duplicate) throws IOException, InterruptedException {
        Optional<TrackingId> original = duplicate.duplicateOf();
        if (original.isEmpty()) {
            return duplicate;
        }
        boolean answered = sendAgain(original.get(), duplicate);
        return duplicate.withFinding(answered
                ? new Finding("DUPLICATE-RECEIPT", Severity.INFO, Location.NONE,
                        "the receipt of " + original.get() + " was sent again",
                        "kvitteringen for " + original.get() + " er sendt igen")
                : new Finding("DUPLICATE-RECEIPT", Severity.INFO, Location.NONE,
                        "no receipt sent yet for " + original.get(),
                        "ingen kvittering sendt endnu for " + original.get()));
    }

    private boolean sendAgain(TrackingId original, PipelineMessage duplicate) throws IOException, InterruptedException {
        Optional<ReceiptStore.Sent> sent = store.find(original);
        if (sent.isEmpty()) {
            return false;
        }
        ReceiptStore.Sent receipt = sent.get();
        Optional<Recipient> channel = channelOf(receipt.toLocation());
        if (channel.isEmpty()) {
            return false;
        }
        deliverer.send(channel.get(), receipt.format(), receipt.body(), original + "-receipt", Map.of());
        LOG.info("stage=receipts tracking={} receipt={} sent again to={} for duplicate={}", original, receipt.kind(),
                receipt.toLocation(), duplicate.trackingId());
        return true;
    }

    private void send(PipelineMessage message, ReceiptKind kind, String from, String refuseCode, List<String> reasons,
                      MessageState state) throws IOException, InterruptedException {
        MessageHeader header = message.header();
        Optional<Recipient> channel = channelOf(header.senderLocation());
        if (channel.isEmpty()) {
            // the route stage refuses such senders; this holds if the directory changed since
            journal.mark(message.trackingId(), "receipts", state, "no receipt sent: the sender is not a location number"
                    + " in the recipient directory");
            LOG.info("stage=receipts tracking={} type={} outcome=no-receipt reason=unknown-sender", message.trackingId(),
                    header.messageType());
            return;
        }
        // a message redelivered after a crash sends exactly the receipt kept the first time
        ReceiptStore.Sent kept = store.find(message.trackingId()).orElse(null);
        if (kept == null) {
            kept = write(message, kind, from, refuseCode, reasons);
            store.keep(message.trackingId(), kept);
        }
        deliverer.send(channel.get(), kept.format(), kept.body(), message.trackingId() + "-receipt", Map.of());
        journal.mark(message.trackingId(), "receipts", state,
                (kind == ReceiptKind.POSITIVE ? "positive" : "negative (" + refuseCode + ")") + " receipt "
                        + kept.receiptId() + " sent to " + kept.toLocation() + " as " + kept.format());
        LOG.info("stage=receipts tracking={} type={} sender={} receiver={} receipt={} format={}", message.trackingId(),
                Excerpt.of(header.messageType()), Excerpt.of(header.senderLocation()),
                Excerpt.of(header.receiverLocation()), kind, kept.format());
    }

    private ReceiptStore.Sent write(PipelineMessage message, ReceiptKind kind, String from, String refuseCode,
                                    List<String> reasons) {
        MessageHeader header = message.header();
        String id = kind.idPrefix + message.trackingId().tail();
        MessageFormat format = message.format() == MessageFormat.EDIFACT ? MessageFormat.EDIFACT : MessageFormat.XML;
        byte[] xml = ReceiptWriter.write(kind, id, ZonedDateTime.now(clock.withZone(DANISH_TIME)), from, header,
                originalVersionCode(header, format), refuseCode, reasons);
        byte[] body = xml;
        if (format == MessageFormat.EDIFACT) {
            Translation translation = edifact.toEdifact(xml);
            if (translation.ok()) {
                body = translation.output();
            } else {
                // e.g. a letter rejected for an unknown version: CONTRL's UCM cannot name that version.
                // The sender still hears of the rejection, in XML, rather than the message failing for ever.
                format = MessageFormat.XML;
                LOG.warn("stage=receipts tracking={} the {} receipt cannot be written in EDIFACT ({}); sent as XML",
                        message.trackingId(), kind, translation.findings().stream().map(Finding::ruleId).toList());
            }
        }
        return new ReceiptStore.Sent(kind, id, header.senderLocation(), format, body);
    }

    /**
     * The version code the sender used: a receipt to an EDIFACT sender names the EDIFACT version
     * (D9134L), one to an XML sender the XML version (XD9134L), as in MedCom's own receipts.
     */
    static String originalVersionCode(MessageHeader header, MessageFormat senderFormat) {
        String version = header.versionCode();
        if (senderFormat == MessageFormat.EDIFACT && version != null && version.startsWith("X")) {
            return version.substring(1);
        }
        return version;
    }

    /**
     * A party's channel for receipts: only a valid location number the directory knows. Nothing
     * else may name a folder under outbox/ (a sender's EANIdentifier is input: "../inbox" or
     * "/tmp/x" must never become a path).
     */
    private Optional<Recipient> channelOf(String location) {
        return LocationNumber.isValid(location) ? directory.find(location) : Optional.empty();
    }
}
