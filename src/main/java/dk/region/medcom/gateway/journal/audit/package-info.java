/**
 * Who read what: every view of a message's decrypted contents ({@code body_view_audit}), through
 * the API or the console, with who, when and why. The CPR searches' audit stays with the search
 * ({@code journal.search.CprSearch}). Audit rows are kept when retention deletes the message.
 */
package dk.region.medcom.gateway.journal.audit;
