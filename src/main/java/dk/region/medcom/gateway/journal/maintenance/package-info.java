/**
 * Keeping the journal healthy on a schedule: retention of bodies and rows
 * ({@link dk.region.medcom.gateway.journal.maintenance.JournalRetention}), the embedded H2 file's
 * sync and compaction and its size gauge, and the watch for receipts that do not come
 * ({@link dk.region.medcom.gateway.journal.maintenance.UnacknowledgedCheck}).
 */
package dk.region.medcom.gateway.journal.maintenance;
