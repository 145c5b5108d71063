package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.parse.edifact.EdifactSniffer;
import dk.region.medcom.gateway.parse.edifact.EnvelopeHeaderReader;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who a sender is: an HTTP user with role {@code sender} sends only as the location numbers
 * {@code gateway.users.<name>.location-numbers} binds it to, and reads only messages sent from
 * them, in the API and in the console. The sender is read from the message itself (the Letter's Sender/EANIdentifier, and for
 * EDIFACT also the UNB sender), with the parse stage's own readers. Operators send as anyone.
 */
@Component
public class Senders {

    private final GatewayUsers users;
    private final MessageParser parser;

    Senders(GatewayUsers users, MessageParser parser) {
        this.users = users;
        this.parser = parser;
    }

    /**
     * Throws a 403 refusal unless {@code caller} may send {@code message}; a 503 one when the memory
     * budget has no room to read it ({@code reservation} grows to what parsing it takes).
     */
    void checkMaySend(Authentication caller, byte[] message, MemoryBudget.Reservation reservation) {
        if (isOperator(caller)) {
            return;
        }
        Set<String> allowed = users.locationNumbers(caller.getName());
        if (allowed.isEmpty()) {
            throw new Refusal(HttpStatus.FORBIDDEN,
                    "this user is bound to no location number (gateway.users.<name>.location-numbers), so it cannot send");
        }
        if (!reservation.tryGrow((long) message.length * (MemoryBudget.IN_PIPELINE - MemoryBudget.AT_INGEST))) {
            throw Refusal.busy();
        }
        Set<String> claimed = sendersOf(message);
        if (claimed.isEmpty()) {
            throw new Refusal(HttpStatus.FORBIDDEN, "the message's sender location number could not be read, "
                    + "so it cannot be checked against this user's; nothing was stored");
        }
        if (!allowed.containsAll(claimed)) {
            throw new Refusal(HttpStatus.FORBIDDEN, "this user may not send as the message's sender location number "
                    + "(Sender/EANIdentifier or UNB sender); nothing was stored");
        }
    }

    /**
     * Whether {@code caller} may see {@code entry}: operators and auditors always, a sender when the
     * message came from one of its location numbers (read from the original while the parse stage
     * has not yet recorded the sender).
     */
    public boolean mayRead(Authentication caller, JournalEntry entry, Supplier<Optional<byte[]>> original) {
        if (!isSenderOnly(caller)) {
            return true;
        }
        Set<String> allowed = users.locationNumbers(caller.getName());
        if (entry.senderLocation() != null) {
            return allowed.contains(entry.senderLocation());
        }
        Set<String> claimed = original.get().map(this::sendersOf).orElse(Set.of());
        return !claimed.isEmpty() && allowed.containsAll(claimed);
    }

    /**
     * The sender location numbers whose messages {@code caller} may find: empty (no limit) for
     * operators, auditors and viewers; a sender-only user's own location numbers otherwise.
     */
    public Optional<Set<String>> scope(Authentication caller) {
        return isSenderOnly(caller) ? Optional.of(users.locationNumbers(caller.getName())) : Optional.empty();
    }

    /** The sender location numbers a message names: the letter's, and for EDIFACT the interchange's. */
    Set<String> sendersOf(byte[] message) {
        Set<String> senders = new LinkedHashSet<>();
        if (EdifactSniffer.looksLikeEdifact(message)) {
            new EnvelopeHeaderReader().read(message).map(MessageHeader::senderLocation).ifPresent(senders::add);
        }
        MessageHeader header = parser.parse(new PipelineMessage(TrackingId.newId(), "http", message)).header();
        if (header != null && header.senderLocation() != null) {
            senders.add(header.senderLocation());
        }
        return senders;
    }

    static boolean isOperator(Authentication caller) {
        return hasRole(caller, "ROLE_operator");
    }

    private static boolean isSenderOnly(Authentication caller) {
        return hasRole(caller, "ROLE_sender") && !isOperator(caller) && !hasRole(caller, "ROLE_auditor")
                && !hasRole(caller, "ROLE_viewer");
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}
