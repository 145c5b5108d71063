/**
 * Finding messages in the journal: paged search by envelope, letter, parties, type and state
 * ({@link dk.region.medcom.gateway.journal.search.JournalSearch}), and the audited search by CPR
 * number ({@link dk.region.medcom.gateway.journal.search.CprSearch}), which looks the keyed hash up
 * and records who searched. Read-only: nothing here writes a message.
 */
package dk.region.medcom.gateway.journal.search;
