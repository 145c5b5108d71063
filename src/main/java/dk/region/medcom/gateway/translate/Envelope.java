package dk.region.medcom.gateway.translate;

/**
 * The interchange envelope as both syntaxes carry it: UNB's sender and recipient (location
 * numbers), date and time (XML forms {@code YYYY-MM-DD}, {@code HH:MM}), control reference and
 * acknowledgement request.
 */
record Envelope(String senderId, String recipientId, String date, String time, String identifier,
                String acknowledgementCode) {
}
