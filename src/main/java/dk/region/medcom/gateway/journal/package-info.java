/**
 * The journal's store: one row per message ({@code message}), one per step ({@code message_event})
 * and its encrypted bodies ({@code message_body}). {@link dk.region.medcom.gateway.journal.Journal}
 * is the face the stages use; every write goes through the one
 * {@link dk.region.medcom.gateway.journal.JournalWriter}, which commits a route's writes together.
 *
 * <p>The journal's other jobs live in sub-packages that build on this one and never the reverse:
 * {@code search} (finding messages, the CPR search and its audit), {@code maintenance} (retention,
 * H2 sync and compaction, the overdue-receipt check) and {@code actions} (what an operator does to
 * a message). Tables of other stages (letters seen, receipts sent) belong to those stages.
 */
package dk.region.medcom.gateway.journal;
